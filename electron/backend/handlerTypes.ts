import type { CallName, ParsedArgs, Results } from '../../shared/api/contract';
import type { Session } from './session';

export type Handler<N extends CallName> = (
  session: Session,
  args: ParsedArgs<N>,
) => Results[N] | Promise<Results[N]>;

/** A domain's handlers: exactly the calls it names, each typed from the contract. */
export type Handlers<N extends CallName> = { [K in N]: Handler<K> };

/** The handlers of one domain's argument map (shared/api/<domain>.ts), so adding a call there demands its handler here. */
export type HandlersFor<M> = Handlers<keyof M & CallName>;
