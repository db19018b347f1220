import { createContext, useContext } from 'react';

/** Version previews reuse the node views; they must not show the draft's problems or accept edits. */
export const ReadOnlyContext = createContext(false);

export const useReadOnly = () => useContext(ReadOnlyContext);
