/** Admin roles for other modules' tests: a hierarchical admin through the admin module's own service. */
export { addHierarchicalAdmin } from '../admin.service.ts';
