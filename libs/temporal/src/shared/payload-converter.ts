import { CompositePayloadConverter, defaultPayloadConverter, type Payload, type PayloadConverterWithEncoding } from '@temporalio/common';
import { decode } from '@temporalio/common/lib/encoding';

/**
 * A payload the codec refused (not encrypted, or encrypted but failing authentication): not
 * written by the API or the worker, so nothing in it may be believed. The codec cannot throw for
 * it (that would fail the workflow task, and a signal stays in the history for ever), so it hands
 * on this marker instead, carrying only a short reason, never the payload's data.
 */
export const REFUSED_ENCODING = 'binary/refused';
export const REFUSAL_REASON = 'refusal-reason';

/** What a refused payload becomes in workflows and clients: recognisable, and nothing else. */
export class RefusedPayload {
  constructor(readonly reason: string) {}
}

export const isRefused = (value: unknown): value is RefusedPayload => value instanceof RefusedPayload;

/** The failure type of a refused Update or workflow start (a plain field, readable without the key). */
export const REFUSED_FAILURE_TYPE = 'RefusedPayload';

class RefusedPayloadConverter implements PayloadConverterWithEncoding {
  readonly encodingType = REFUSED_ENCODING;

  /** Never writes the marker: only the codec does. */
  toPayload(): undefined {
    return undefined;
  }

  fromPayload<T>(payload: Payload): T {
    const reason = payload.metadata?.[REFUSAL_REASON];
    return new RefusedPayload(reason ? decode(reason) : 'refused') as T;
  }
}

/**
 * The product's payload converter (`payloadConverterPath`, for workers, bundles and clients alike):
 * the SDK's default, plus the refusal marker.
 */
export const payloadConverter = new CompositePayloadConverter(new RefusedPayloadConverter(), ...defaultPayloadConverter.converters);
