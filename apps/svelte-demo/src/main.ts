// Entry of the Svelte demo.
import { mount } from 'svelte';
import '@tensile/demo-shared/styles.css';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
