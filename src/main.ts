import { mount } from 'svelte';
import App from './app/App.svelte';
import { registerServiceWorker } from './offline/registerServiceWorker';
import './app/app.css';

mount(App, { target: document.getElementById('app')!, props: { offline: registerServiceWorker() } });
