// Vite config of the React demo: the shared demo settings plus the React plugin (JSX, fast refresh).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { demoViteConfig } from '../shared/vite-config.ts';

export default defineConfig(demoViteConfig([react()]));
