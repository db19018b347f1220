import http from 'node:http';
import net from 'node:net';

/**
 * The web app and the sandbox's control API on one origin, as Vite's dev server proxies them: the
 * API serves the built app but not `/sandbox`, which the simulator and the test phone call relatively.
 * Streams (the sandbox's event stream, socket.io's upgrade) pass through untouched.
 */
export async function startSameOrigin(apiUrl: string, sandboxUrl: string) {
  const targetOf = (path = '') => new URL(path.startsWith('/sandbox') ? sandboxUrl : apiUrl);
  const server = http.createServer((req, res) => {
    const target = targetOf(req.url);
    const upstream = http.request({ hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('close', () => res.destroy());
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('upgrade', (req, socket, head) => {
    const target = targetOf(req.url);
    const upstream = net.connect(Number(target.port), target.hostname, () => {
      const headers = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    const drop = () => {
      socket.destroy();
      upstream.destroy();
    };
    upstream.on('error', drop);
    socket.on('error', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
