import { useCallback, useState } from 'react';

/**
 * Runs one console command at a time and keeps its refusal to show next to the controls that
 * sent it. Returns whether the server accepted it.
 */
export function useCommandRunner() {
  const [pending, setPending] = useState(false);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const run = useCallback(
    async (command: () => Promise<{ readonly ok: boolean; readonly code?: string }>) => {
      setPending(true);
      setErrorCode(null);
      const ack = await command();
      setPending(false);
      if (!ack.ok) setErrorCode(ack.code ?? 'unknown');
      return ack.ok;
    },
    [],
  );
  return { run, pending, errorCode, clearError: () => setErrorCode(null) };
}
