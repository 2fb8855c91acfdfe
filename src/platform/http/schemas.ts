import { Type, type TObject, type TProperties, type TSchema } from 'typebox';

/** Objects in requests reject unknown fields: a typo in a field name is an error, not a silent no-op. */
export const StrictObject = <T extends TProperties>(properties: T, options: { description?: string } = {}): TObject<T> =>
  Type.Object(properties, { additionalProperties: false, ...options });

export const IsoDateTime = Type.String({ format: 'date-time' });
export const NullableIsoDateTime = Type.Union([IsoDateTime, Type.Null()]);
export const Id = (prefix: string) => Type.String({ pattern: `^${prefix}_[0-9A-Z]{26}$`, description: `a ${prefix}_ id` });

export const PageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
};

export const Page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { $id: 'ErrorBody' },
);

export const NoContent = Type.Null({ description: 'No content' });
/** The language of an export's headers and the words it writes (the console sends its own). */
export const ExportLanguage = Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], { description: 'the language of the headers and the words the export writes' });
export type ExportLanguage = 'zh-CN' | 'en';
