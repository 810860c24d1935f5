import { mount } from 'svelte';
import App from './App.svelte';
import { registerServiceWorker } from './offline/registerServiceWorker';
import './app.css';

mount(App, { target: document.getElementById('app')!, props: { offline: registerServiceWorker() } });
