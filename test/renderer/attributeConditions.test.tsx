import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  ALL_OPS,
  AttributeConditions,
  type AttributeChoice,
  type Condition,
  type ConditionOp,
} from '../../renderer/components/AttributeConditions';

const choices: AttributeChoice[] = [
  { key: 'region', label: 'region', values: ['Africa', 'Europe'] },
  { key: 'source', label: 'source', values: ['NGO', 'State'] },
  { key: 'pages', label: 'pages', values: [] },
  { key: 'town', label: 'town', values: ['Aachen', 'Bonn'], partial: true },
];

/** The component is controlled: this keeps the list as a caller would and records every change. */
function Harness(props: {
  initial?: Condition[];
  ops?: readonly ConditionOp[];
  max?: number;
  onChange(next: Condition[]): void;
}) {
  const [conditions, setConditions] = useState<Condition[]>(props.initial ?? []);
  return (
    <form aria-label="Outer form" onSubmit={(e) => e.preventDefault()}>
      <AttributeConditions
        legend="Attributes"
        choices={choices}
        conditions={conditions}
        onChange={(next) => {
          props.onChange(next);
          setConditions(next);
        }}
        ops={props.ops}
        max={props.max ?? 20}
      />
    </form>
  );
}

const chips = () =>
  within(screen.getByRole('list', { name: 'Attributes: all must hold' }))
    .getAllByRole('listitem')
    .map((li) => li.firstChild?.textContent);

describe('AttributeConditions', () => {
  it('adds conditions picked from the known values and removes one by its button', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const group = screen.getByRole('group', { name: 'Attributes' });
    const add = within(group).getByRole('button', { name: 'Add condition' });
    expect((add as HTMLButtonElement).disabled).toBe(true);
    // Equality only: no comparison menu.
    expect(within(group).queryByRole('combobox', { name: 'Condition comparison' })).toBeNull();

    await userEvent.selectOptions(
      within(group).getByRole('combobox', { name: 'Condition attribute' }),
      'region',
    );
    const value = within(group).getByRole('combobox', { name: 'Condition value' });
    expect([...value.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'value…',
      'Africa',
      'Europe',
    ]);
    await userEvent.selectOptions(value, 'Europe');
    await userEvent.click(add);
    await userEvent.selectOptions(
      within(group).getByRole('combobox', { name: 'Condition attribute' }),
      'source',
    );
    await userEvent.selectOptions(within(group).getByRole('combobox', { name: 'Condition value' }), 'NGO');
    await userEvent.click(within(group).getByRole('button', { name: 'Add condition' }));

    expect(onChange).toHaveBeenLastCalledWith([
      { key: 'region', op: 'eq', value: 'Europe' },
      { key: 'source', op: 'eq', value: 'NGO' },
    ]);
    expect(chips()).toEqual(['region = Europe', 'source = NGO']);
    // The change is spoken without taking the view's status line.
    expect(group.querySelector('[aria-live="polite"]')?.textContent).toBe('Added condition source is NGO.');
    expect(screen.queryByRole('status')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Remove condition region = Europe' }));
    expect(onChange).toHaveBeenLastCalledWith([{ key: 'source', op: 'eq', value: 'NGO' }]);
    expect(chips()).toEqual(['source = NGO']);
    // Focus stays in the list, on the chip that took the removed one's place.
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Remove condition source = NGO' }),
    );
    await userEvent.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith([]);
    expect(screen.queryByRole('list', { name: 'Attributes: all must hold' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Condition attribute' }));
  });

  it('takes comparisons and free text from the keyboard, Enter adding instead of submitting the form', async () => {
    const onChange = vi.fn();
    const submitted = vi.fn();
    render(
      <div onSubmit={submitted}>
        <Harness onChange={onChange} ops={ALL_OPS} />
      </div>,
    );
    const attribute = screen.getByRole('combobox', { name: 'Condition attribute' });
    // An attribute without known values, and an ordering comparison on one with values: both free text.
    await userEvent.selectOptions(attribute, 'pages');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Condition comparison' }), 'ge');
    await userEvent.type(screen.getByRole('textbox', { name: 'Condition value' }), ' 12 {Enter}');
    await userEvent.selectOptions(attribute, 'region');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Condition comparison' }), 'contains');
    // Known values are still offered as suggestions (an input with a list is a combobox).
    const text = screen.getByRole('combobox', { name: 'Condition value' });
    expect(text.tagName).toBe('INPUT');
    const suggestions = document.getElementById(text.getAttribute('list')!);
    expect([...suggestions!.querySelectorAll('option')].map((o) => o.value)).toEqual(['Africa', 'Europe']);
    await userEvent.type(text, 'rope{Enter}');
    expect(submitted).not.toHaveBeenCalled();
    expect(onChange).toHaveBeenLastCalledWith([
      { key: 'pages', op: 'ge', value: '12' },
      { key: 'region', op: 'contains', value: 'rope' },
    ]);
    expect(chips()).toEqual(['pages ≥ 12', 'region contains rope']);
    // A value list cut short by the backend cannot be the only choice: free text, with suggestions.
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Condition comparison' }), 'eq');
    await userEvent.selectOptions(attribute, 'town');
    const town = screen.getByRole('combobox', { name: 'Condition value' });
    expect(town.tagName).toBe('INPUT');
    await userEvent.type(town, 'Zwickau{Enter}');
    expect(onChange).toHaveBeenLastCalledWith([
      { key: 'pages', op: 'ge', value: '12' },
      { key: 'region', op: 'contains', value: 'rope' },
      { key: 'town', op: 'eq', value: 'Zwickau' },
    ]);
  });

  it('refuses a duplicate and stops at the limit', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} max={2} initial={[{ key: 'region', op: 'eq', value: 'Europe' }]} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Condition attribute' }), 'region');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Condition value' }), 'Europe');
    expect((screen.getByRole('button', { name: 'Add condition' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('That condition is already set.')).toBeTruthy();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Condition value' }), 'Africa');
    await userEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(chips()).toEqual(['region = Europe', 'region = Africa']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Condition attribute' }), 'source');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Condition value' }), 'NGO');
    expect((screen.getByRole('button', { name: 'Add condition' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('At most 2 conditions.')).toBeTruthy();
  });
});
