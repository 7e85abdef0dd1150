import path from 'node:path';
import { PassageError } from '../../../shared/api/result';
import { invoke } from '../../backend/dispatch';
import type { Command } from '../command';

const DEMO_USAGE = 'passage demo OUT.passage';

export const demoCommands: Command[] = [
  {
    name: 'demo',
    usage: DEMO_USAGE,
    summary:
      'write the fictional example study (transcripts, documents, codebook, coding, sample) to a new file',
    async run({ session, out, argv }) {
      const target = argv.find((a) => !a.startsWith('--'));
      if (!target)
        throw new PassageError('invalid_argument', `demo: missing OUT.passage — usage: ${DEMO_USAGE}`);
      const info = await invoke(session, 'project.createDemo', { path: path.resolve(target) });
      const { documents, segments, participants, codes, memos } = info.counts;
      out.print(
        info,
        () =>
          `wrote the example study to ${info.path}: ${documents} documents, ${codes} codes, ${segments} segments, ${participants} participants, ${memos} memos`,
      );
      // Closed here: the command only writes the file, and its coders (Researcher A, whom it opens as,
      // and B) are the study's own, not a coder this run added to a project of the user's.
      await invoke(session, 'project.close', {});
    },
  },
];
