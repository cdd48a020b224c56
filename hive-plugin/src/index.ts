export { jiuyePlugin, type JiuyePluginOptions } from './plugin';
export { startHiveGateway, type RunningHiveGateway } from './gateway';
