// Entry of the Vue demo: the plugin registers v-elastic on the whole app.
import { createApp } from 'vue';
import { ElasticPlugin } from '@tensile/vue';
import '@tensile/demo-shared/styles.css';
import App from './App.vue';

createApp(App).use(ElasticPlugin).mount('#app');
