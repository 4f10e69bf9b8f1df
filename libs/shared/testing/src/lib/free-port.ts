import { createServer } from 'node:net';

/**
 * Ports handed out by this process: a port is free only until someone binds it, and the kernel hands the same
 * just-closed port to the next `listen(0)` readily — two callers asking before either binds would otherwise share one
 * (a replica's port given again to the gateway, and the replica failing with EADDRINUSE).
 */
const handedOut = new Set<number>();

/** A port nothing listens on now and not handed out before by this process (another process may still take it first). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await unboundPort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

function unboundPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
