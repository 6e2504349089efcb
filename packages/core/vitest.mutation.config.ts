// The tests Stryker runs against each mutant: all of core's, which run src/ in process, less the README check.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(base, defineConfig({ test: { exclude: ['test/docs/**', '**/node_modules/**'] } }));
