// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const PAGE_SIZE = new Set(['limit', 'size', 'pagesize', 'perpage', 'top', 'maxresults', 'maxitems', 'maxpagesize', 'pagelimit', 'count', 'first', 'last']);

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isPageSize(parameter) {
  if (!isObject(parameter) || typeof parameter.name !== 'string' || !['query', 'header'].includes(parameter.in)) return false;
  return PAGE_SIZE.has(parameter.name.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

// OAS3 keeps the constraints in `schema`, Swagger 2.0 on the parameter itself. Only numeric
// page sizes can declare a maximum; an enum bounds the value as well.
function unbounded(parameter) {
  const schema = isObject(parameter.schema) ? parameter.schema : parameter;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (!types.includes('integer') && !types.includes('number')) return false;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return false;
  return typeof schema.maximum !== 'number' && typeof schema.exclusiveMaximum !== 'number';
}

/** Given a path item: the page-size parameters of its GET operation declare a maximum. */
export default function designPageSizeBounded(item, _options, context) {
  if (!isObject(item) || !isObject(item.get)) return [];
  const own = Array.isArray(item.get.parameters) ? item.get.parameters : [];
  const shared = Array.isArray(item.parameters) ? item.parameters : [];
  const overridden = (parameter) => own.some((o) => isObject(o) && o.name === parameter.name && o.in === parameter.in);
  const results = [];
  own.forEach((parameter, index) => {
    if (isPageSize(parameter) && unbounded(parameter)) results.push({ parameter, path: [...context.path, 'get', 'parameters', index] });
  });
  shared.forEach((parameter, index) => {
    if (isPageSize(parameter) && !overridden(parameter) && unbounded(parameter)) results.push({ parameter, path: [...context.path, 'parameters', index] });
  });
  return results.map(({ parameter, path }) => ({
    message: `Page-size parameter "${parameter.name}" declares no maximum, so one request can ask for the whole collection`,
    path,
  }));
}
