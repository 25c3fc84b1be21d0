import { describe, expect, it } from 'vitest';
import { vendorMessage } from '../../../runtime/http/vendor-message.js';

describe('vendorMessage', () => {
  it('reads the v1 message', () => {
    expect(vendorMessage({ message: 'Invalid API key' })).toBe('Invalid API key');
  });

  it('reads a v2 detail string', () => {
    expect(vendorMessage({ detail: 'Unknown Project.' })).toBe('Unknown Project.');
  });

  it('renders a FastAPI validation list readably', () => {
    const body = {
      detail: [
        {
          loc: ['query', 'limit'],
          msg: 'ensure this value is less than or equal to 1000',
          type: 'x',
        },
        { loc: ['path', 'project_id'], msg: 'field required', type: 'y' },
      ],
    };

    expect(vendorMessage(body)).toBe(
      'limit (query): ensure this value is less than or equal to 1000; project_id (path): field required',
    );
  });

  it('adds the validation_errors that a message points at', () => {
    const body = {
      message: "Validation errors, see 'validation_errors'.",
      validation_errors: { additional_fields: ['unknown value colour'] },
    };

    expect(vendorMessage(body)).toBe(
      "Validation errors, see 'validation_errors'. additional_fields: unknown value colour",
    );
  });

  it('keeps the text of an HTML page, shortened', () => {
    expect(vendorMessage('<html><h1>502 Bad Gateway</h1><p>nginx</p></html>')).toBe(
      '502 Bad Gateway nginx',
    );
    expect(vendorMessage(`<p>${'x'.repeat(500)}</p>`)?.length).toBe(203);
  });

  it('has nothing to say about an empty body', () => {
    expect(vendorMessage('')).toBeUndefined();
    expect(vendorMessage({})).toBeUndefined();
    expect(vendorMessage(null)).toBeUndefined();
  });
});
