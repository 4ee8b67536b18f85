/**
 * A small W3C WebDriver (classic, over HTTP) client: just the commands the journeys use. Written here
 * rather than taken from a library because the well-known ones bring driver and browser download
 * machinery this project must never run; the protocol itself is a few JSON requests.
 */
export interface WebDriverSession {
  readonly id: string;
  readonly capabilities: Record<string, unknown>;
  command<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
const COMMAND_TIMEOUT_MS = 90_000;

async function call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    // Every command answers within the session's script and page-load timeouts (60 s); one that
    // does not (seen once in WebKit on a loaded machine) fails here, named, not at the test's timeout.
    signal: AbortSignal.timeout(COMMAND_TIMEOUT_MS),
    ...(body === undefined ? method === 'POST' ? { body: '{}' } : {} : { body: JSON.stringify(body) }),
  }).catch((error: unknown) => {
    throw new Error(`WebDriver ${method} ${path}: no answer (${String(error)})`, { cause: error });
  });
  const json = (await response.json()) as { value: T & { error?: string; message?: string } };
  if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value.error ?? response.status}: ${json.value.message ?? ''}`);
  return json.value;
}

export async function newSession(base: string, capabilities: Record<string, unknown>): Promise<WebDriverSession> {
  const created = await call<{ sessionId: string; capabilities: Record<string, unknown> }>(base, 'POST', '/session', {
    capabilities: { alwaysMatch: capabilities },
  });
  return {
    id: created.sessionId,
    capabilities: created.capabilities,
    command: (method, path, body) => call(base, method, `/session/${created.sessionId}${path}`, body),
  };
}

export async function findElement(session: WebDriverSession, css: string): Promise<string> {
  const found = await session.command<Record<string, string>>('POST', '/element', { using: 'css selector', value: css });
  const id = found[ELEMENT_KEY];
  if (!id) throw new Error(`WebDriver: no element id for ${css}`);
  return id;
}

/** WebDriver's code points for the keys the journeys press (KeyboardEvent.key names). */
export const WEBDRIVER_KEYS: Record<string, string> = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Ctrl: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Space: '\uE00D',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
  Meta: '\uE03D',
};

export function keyValue(name: string): string {
  if ([...name].length === 1) return name;
  const value = WEBDRIVER_KEYS[name];
  if (!value) throw new Error(`WebDriver: unknown key ${name}`);
  return value;
}

export async function performKeys(session: WebDriverSession, actions: readonly { type: 'keyDown' | 'keyUp'; value: string }[]): Promise<void> {
  await session.command('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
  await session.command('DELETE', '/actions');
}
