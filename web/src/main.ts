import { createApp } from 'vue';
import App from './App.vue';
import { createWorkbenchRouter } from './router';
import './styles.css';

createApp(App).use(createWorkbenchRouter()).mount('#app');
