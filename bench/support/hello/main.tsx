/**
 * The smallest Preact app, built with the project's vite.config.ts: the baseline for the app's
 * initial JavaScript (bench/initialLoad.bench.ts).
 */
import { render } from 'preact';

const root = document.getElementById('app');
if (root) render(<p>Hello</p>, root);
