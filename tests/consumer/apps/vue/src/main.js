// A fresh app as a user writes it from the @tensile/vue README: v-elastic through the plugin.
import { createApp } from 'vue';
import { ElasticPlugin } from '@tensile/vue';
import App from './App.vue';

createApp(App).use(ElasticPlugin).mount('#app');
