/** The one IPC channel prefix; the preload forwards each contract call on `passage:<call>`. */
export const IPC_PREFIX = 'passage:';
