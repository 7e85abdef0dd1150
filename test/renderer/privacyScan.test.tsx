import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setApi } from '../../renderer/api/client';
import { IdentityKeyPanel } from '../../renderer/features/sample/IdentityKeyPanel';
import { useSample } from '../../renderer/features/sample/useSample';
import { usePrivacyScan } from '../../renderer/features/privacy/usePrivacyScan';
import { createFakeApi } from '../fakeApi';

const status = (exists: boolean, unlocked: boolean) => ({
  path: '/s/study.identity',
  exists,
  unlocked,
  entries: 1,
});

describe('identity key panel', () => {
  beforeEach(() =>
    usePrivacyScan.setState({ running: false, progress: null, files: [], result: null, error: null }),
  );

  it('asks for a new passphrase twice and creates nothing while they differ', async () => {
    const api = createFakeApi({ 'sample.identity.create': () => status(true, true) });
    setApi(api);
    useSample.setState({ identity: status(false, false), changed: async () => {} });
    render(<IdentityKeyPanel />);
    await userEvent.type(screen.getByLabelText('Passphrase'), 'correct horse');
    await userEvent.type(screen.getByLabelText('Repeat passphrase'), 'correct hose');
    expect((screen.getByRole('button', { name: 'Create key' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByText('The two passphrases differ.')).not.toBeNull();
    await userEvent.clear(screen.getByLabelText('Repeat passphrase'));
    await userEvent.type(screen.getByLabelText('Repeat passphrase'), 'correct horse{Enter}');
    expect(api.calls.filter((c) => c.name === 'sample.identity.create')).toEqual([
      { name: 'sample.identity.create', args: { passphrase: 'correct horse' } },
    ]);
  });

  it('scans the project and names where each real name was found', async () => {
    setApi(
      createFakeApi({
        'privacy.scan.start': () => ({ jobId: 'scan' }),
        'jobs.status': ({ id }) => ({
          id,
          kind: 'privacy scan',
          state: 'done',
          done: 30,
          total: 30,
          current: '',
          result: {
            hits: [{ where: 'memos.body row 4', participant: 'P07', found: 'Whitfield' }],
            searched: { tables: 30, values: 120, files: ['/s/study.passage'] },
          },
        }),
      }),
    );
    useSample.setState({ identity: status(true, true), changed: async () => {} });
    render(<IdentityKeyPanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Scan' }));
    const hits = await screen.findByRole('list', { name: 'Privacy scan hits' });
    expect(hits.textContent).toBe('memos.body row 4: “Whitfield” (P07)');
  });
});
