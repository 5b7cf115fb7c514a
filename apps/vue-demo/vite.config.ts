// Vite config of the Vue demo: the shared demo settings plus the Vue SFC plugin.
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { demoViteConfig } from '../shared/vite-config.ts';

export default defineConfig(demoViteConfig([vue()]));
