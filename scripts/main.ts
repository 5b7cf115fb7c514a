// `pnpm start`: the main job. For now it prints the article's curve and its gradients through the
// differentiation engine; later jobs (fits, demos) add their steps here.
import { articleTable } from './article-table';

process.stdout.write(articleTable() + '\n');
