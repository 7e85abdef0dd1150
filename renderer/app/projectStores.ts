import { useCodebook } from '../features/codebook/useCodebook';
import { useDocuments } from '../features/documents/useDocuments';
import { useExport } from '../features/export/useExport';
import { usePalette } from '../features/palette/usePalette';
import { useReader } from '../features/reader/useReader';
import { useReaderSearch } from '../features/reader/useReaderSearch';
import { useReports } from '../features/reports/useReports';
import { useSample } from '../features/sample/useSample';
import { useSearch } from '../features/search/useSearch';
import { useTeam } from '../features/team/useTeam';
import { resetOnProjectChange } from './projectGeneration';
import { useSelection } from './useSelection';

// Every store that holds a project's data or ids. A new feature store belongs in this list; what
// outlives a project (the area shown, toasts, revision counters) does not.
resetOnProjectChange(
  useSelection,
  useDocuments,
  useReader,
  useReaderSearch,
  usePalette,
  useCodebook,
  useSample,
  useSearch,
  useReports,
  useExport,
  useTeam,
);
