import { bootDemo } from './boot';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
bootDemo(root);
