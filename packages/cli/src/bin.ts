#!/usr/bin/env node
// The `tensile` executable.
import { runCli } from './program';

process.exitCode = await runCli(process.argv.slice(2));
