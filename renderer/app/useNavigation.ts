import { create } from 'zustand';

export const AREAS = ['documents', 'codebook', 'sample', 'reports', 'export', 'team'] as const;
export type Area = (typeof AREAS)[number];

export const AREA_LABELS: Record<Area, string> = {
  documents: 'Documents',
  codebook: 'Codebook',
  sample: 'Sample',
  reports: 'Reports',
  export: 'Export',
  team: 'Team',
};

interface NavigationState {
  area: Area;
  go(area: Area): void;
}

const STORAGE_KEY = 'passage.area';

function initialArea(): Area {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return (AREAS as readonly string[]).includes(saved ?? '') ? (saved as Area) : 'documents';
}

export const useNavigation = create<NavigationState>((set) => ({
  area: initialArea(),
  go(area) {
    localStorage.setItem(STORAGE_KEY, area);
    set({ area });
  },
}));
