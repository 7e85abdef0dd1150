// Sample → Identity key: names, other names and contacts per participant, and the researcher's own
// terms, added, edited and removed with the keyboard, and saved to the key as one list each.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setApi } from '../../renderer/api/client';
import { KeyPeopleEditor } from '../../renderer/features/privacy/KeyPeopleEditor';
import { TermsEditor } from '../../renderer/features/privacy/TermsEditor';
import { createFakeApi } from '../fakeApi';

describe('identity key editors', () => {
  it('edits a participant’s other names and contacts from the keyboard', async () => {
    const api = createFakeApi({
      'privacy.identity.list': () => ({
        people: [
          { participantId: 3, label: 'P03', name: '', aliases: [], contact: '' },
          {
            participantId: 7,
            label: 'P07',
            name: 'Marcus Whitfield',
            aliases: ['Whitty'],
            contact: 'marcus@example.org; +44 20 7946 0958',
          },
        ],
      }),
      'privacy.identity.set': () => null,
    });
    setApi(api);
    render(<KeyPeopleEditor />);
    await userEvent.selectOptions(
      await screen.findByLabelText('Participant'),
      'P07 — Marcus Whitfield (+1 other names)',
    );
    expect((screen.getByLabelText('contact 2') as HTMLInputElement).value).toBe('+44 20 7946 0958');
    await userEvent.type(screen.getByLabelText('New alias'), 'Col. W{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Remove contact +44 20 7946 0958' }));
    const first = screen.getByLabelText('alias 1');
    await userEvent.clear(first);
    await userEvent.type(first, 'Whits');
    await userEvent.type(screen.getByLabelText('New contact'), '07700 900123{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Save P07' }));
    expect(api.calls.find((c) => c.name === 'privacy.identity.set')?.args).toEqual({
      participantId: 7,
      name: 'Marcus Whitfield',
      aliases: ['Whits', 'Col. W'],
      contact: 'marcus@example.org; 07700 900123',
    });
    expect(await screen.findByText('Saved.')).not.toBeNull();
  });

  it('adds, edits and removes the researcher’s terms', async () => {
    const api = createFakeApi({
      'privacy.terms.get': () => ({ terms: ['Camp Bastion', '3 Para'] }),
      'privacy.terms.set': ({ terms }) => ({ terms }),
    });
    setApi(api);
    render(<TermsEditor />);
    await userEvent.type(await screen.findByLabelText('New term'), 'Task Force Helmand{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Remove term 3 Para' }));
    await userEvent.type(screen.getByLabelText('term 1'), ' North');
    await userEvent.click(screen.getByRole('button', { name: 'Save terms' }));
    expect(api.calls.find((c) => c.name === 'privacy.terms.set')?.args).toEqual({
      terms: ['Camp Bastion North', 'Task Force Helmand'],
    });
    expect(await screen.findByText('Terms saved.')).not.toBeNull();
  });
});
