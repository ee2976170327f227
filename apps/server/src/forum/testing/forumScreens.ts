import { openForumSocket, type ForumClientSocket } from './forumSocketClient';

/** Who a screen is: a signed-in person's cookie, or the token a guest got when joining by code. */
export interface ForumIdentity {
  readonly cookie?: string | null;
  readonly guestToken?: string | null;
}

export interface ForumScreens {
  /** Opens a screen on the `/forum` namespace and remembers it. */
  open(baseUrl: string, identity: ForumIdentity): ForumClientSocket;
  /** Disconnects every screen opened so far (a test's end, or before its server goes away). */
  closeAll(): void;
}

/** The screens a test opens, so that none outlives it however the test ends. */
export function forumScreens(): ForumScreens {
  const opened: ForumClientSocket[] = [];
  return {
    open(baseUrl, identity) {
      const socket = openForumSocket(baseUrl, identity);
      opened.push(socket);
      return socket;
    },
    closeAll() {
      for (const socket of opened.splice(0)) socket.disconnect();
    },
  };
}
