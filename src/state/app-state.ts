// The page's single engine connection, training store, controller and page store; the stores start from
// the address bar as the page opened with it (url/start-url.ts).
import { EngineClient } from '../engine/client';
import { createEngineConnection } from './engine-connection';
import { createPageStore } from './page-store';
import { createTrainingController } from './training-controller';
import { createTrainingStore } from './training-store';
import { startUrl } from './url/start-url';

const start = startUrl();

export const connection = createEngineConnection((onStray) => new EngineClient(onStray));
export const training = createTrainingStore();
training.setView({ sharedScale: start.view.sharedScale, aggregate: start.view.aggregate });
training.setShownField(start.view.shownField);
training.refuse(start.refusal);
export const controller = createTrainingController(connection, training);
export const page = createPageStore({
  sceneId: start.sceneId,
  backend: start.backend,
  language: start.page.lang ?? null,
});
