// The page's single engine connection, training store and controller.
import { EngineClient } from '../engine/client';
import { createEngineConnection } from './engine-connection';
import { createTrainingController } from './training-controller';
import { createTrainingStore } from './training-store';

export const connection = createEngineConnection((onStray) => new EngineClient(onStray));
export const training = createTrainingStore();
export const controller = createTrainingController(connection, training);
