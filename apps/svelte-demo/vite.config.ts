// Vite config of the Svelte demo: the shared demo settings plus the Svelte plugin.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { demoViteConfig } from '../shared/vite-config.ts';

export default defineConfig(demoViteConfig([svelte()]));
