import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Code } from '../../shared/api/coding';
import { CodePalette } from '../../renderer/features/palette/CodePalette';
import { usePalette } from '../../renderer/features/palette/usePalette';
import { code } from '../reader/fixtures';

const child = (id: number, parentId: number, name: string): Code => ({
  ...code(id, name, '#888888'),
  parentId,
});
const CODES: Code[] = [
  code(1, 'Resource gaps', '#aa3333'),
  child(2, 1, 'Public legitimacy'),
  child(3, 1, 'Knowledge and expertise'),
  code(4, 'Stakeholder', '#3333aa'),
  child(5, 4, 'NGO'),
  child(6, 4, 'Academia'),
  code(7, 'Légitimité locale', '#33aa33'),
];

function openPalette(createCode: (name: string) => Promise<Code | undefined> = async () => undefined) {
  const chosen: number[] = [];
  render(<CodePalette codes={CODES} createCode={createCode} />);
  act(() => usePalette.getState().show('Code the selection', (id) => chosen.push(id)));
  return chosen;
}

describe('code palette', () => {
  it('lists codes with their paths in codebook order and filters as you type', async () => {
    openPalette();
    const input = await screen.findByRole('combobox', { name: 'Find or create a code' });
    expect(screen.getAllByRole('option')).toHaveLength(7);
    // "gaps" matches only through the path: the parent and both children.
    await userEvent.type(input, 'gaps');
    expect(screen.getAllByRole('option').map((o) => o.querySelector('.palette-name')?.textContent)).toEqual([
      'Resource gaps',
      'Public legitimacy',
      'Knowledge and expertise',
      undefined, // the "Create code “gaps”" option
    ]);
  });

  it('leaves headings out (they cannot be applied) but keeps them in their sub-codes’ paths', async () => {
    const chosen: number[] = [];
    const withHeading = CODES.map((c) => (c.id === 1 ? { ...c, codable: false } : c));
    render(<CodePalette codes={withHeading} createCode={async () => undefined} />);
    act(() => usePalette.getState().show('Code the selection', (id) => chosen.push(id)));
    const input = await screen.findByRole('combobox', { name: 'Find or create a code' });
    await userEvent.type(input, 'Resource gaps');
    const names = screen.getAllByRole('option').map((o) => o.querySelector('.palette-name')?.textContent);
    // The sub-codes match through the path; no offer to create a second "Resource gaps".
    expect(names).toEqual(['Public legitimacy', 'Knowledge and expertise']);
  });

  it('ranks names starting with the query first and ignores case and accents', async () => {
    openPalette();
    const input = await screen.findByRole('combobox');
    await userEvent.type(input, 'legit');
    const names = screen
      .getAllByRole('option')
      .map((o) => o.querySelector('.palette-name')?.textContent ?? o.textContent);
    // Both start with "legit"/"légit"… after folding; "Légitimité locale" starts with it, "Public legitimacy" only contains it.
    expect(names).toEqual(['Légitimité locale', 'Public legitimacy', 'Create code “legit”']);
  });

  it('moves with the arrow keys and applies the active code with Enter', async () => {
    const chosen = openPalette();
    const input = await screen.findByRole('combobox');
    await userEvent.type(input, 'a');
    // Matches in order of score: names starting with "a" (Academia) before names containing "a".
    const first = screen.getAllByRole('option')[0]!;
    expect(first.textContent).toContain('Academia');
    await userEvent.keyboard('{ArrowDown}{Enter}');
    // Then, in codebook order, names containing "a": Resource gaps is the second option.
    expect(chosen).toEqual([1]);
    expect(usePalette.getState().open).toBe(false);
  });

  it('creates a new code from the typed name, then applies it', async () => {
    const created: string[] = [];
    const chosen = openPalette(async (name) => {
      created.push(name);
      return code(99, name, '#123456');
    });
    await userEvent.type(await screen.findByRole('combobox'), 'Trust building{Enter}');
    expect(created).toEqual(['Trust building']);
    expect(chosen).toEqual([99]);
  });

  it('offers no "Create" for an existing name and closes on Escape without choosing', async () => {
    const chosen = openPalette();
    await userEvent.type(await screen.findByRole('combobox'), 'ngo');
    expect(screen.queryByText(/Create code/)).toBeNull();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(chosen).toEqual([]);
  });
});
