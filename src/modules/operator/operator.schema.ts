import { Type } from 'typebox';
import { SignInBody } from '../account/index.ts';

export const OperatorSignInBody = SignInBody;
export const OperatorDto = Type.Object({ id: Type.String(), name: Type.String(), loginName: Type.String() });
export const OperatorEnvelope = Type.Object({ operator: OperatorDto });
