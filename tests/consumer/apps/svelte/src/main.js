// A fresh app as a user writes it from the @tensile/svelte README: the elastic action.
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app') });
