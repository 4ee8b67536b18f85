#!/usr/bin/env node
// The `mmdma` command-line tool (npx mmdma bundle …). It runs the TypeScript sources directly
// through tsx, so the tool and the app always share the same bundle code. See docs/bundle-format.md.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
