// Bad input at the public entry points of @tensile/core/elastic that already answer it with a typed
// ElasticError (createElastic, setOptions, subscribe, attach, attachElastic, resolveDamping): one row
// per entry point x kind, asserting the class, the code and that the message names the option.
import { describe } from 'vitest';
import { ElasticError, attachElastic, createElastic, resolveDamping } from './index';
import { itRejectsEach, type BadInputRow } from '../test-support/bad-input';

const rows: BadInputRow[] = [
  { entry: 'createElastic', kind: 'empty', run: () => createElastic({ curve: '' as never }), code: 'E_ELASTIC_OPTION', names: /curve is "", expected one of article/ },
  { entry: 'createElastic', kind: 'malformed', run: () => createElastic({ edges: '__proto__' as never }), code: 'E_ELASTIC_OPTION', names: /edges is "__proto__", expected an object/ },
  { entry: 'createElastic', kind: 'non-finite', run: () => createElastic({ max: NaN }), code: 'E_ELASTIC_OPTION', names: /max is NaN, expected a finite number/ },
  { entry: 'createElastic', kind: 'non-finite', run: () => createElastic({ spring: { stiffness: NaN } } as never), code: 'E_ELASTIC_OPTION', names: /spring\.stiffness is NaN/ },
  { entry: 'createElastic', kind: 'oversized', run: () => createElastic({ curve: 'x'.repeat(1_000_000) as never }), code: 'E_ELASTIC_OPTION', names: /curve is "x{20,}\.\.\."/ },
  { entry: 'createElastic', kind: 'wrong type', run: () => createElastic({ max: '500' as never }), code: 'E_ELASTIC_OPTION', names: /max is "500", expected a finite number/ },
  { entry: 'createElastic', kind: 'wrong type', run: () => createElastic(null as never), code: 'E_ELASTIC_OPTION', names: /options is null, expected an object/ },
  { entry: 'createElastic', kind: 'wrong type', run: () => createElastic({ pullToRefresh: 5 as never }), code: 'E_ELASTIC_OPTION', names: /pullToRefresh is 5, expected an object/ },
  { entry: 'setOptions', kind: 'non-finite', run: () => createElastic({}).setOptions({ max: Infinity }), code: 'E_ELASTIC_OPTION', names: /max is Infinity/ },
  { entry: 'setOptions', kind: 'wrong type', run: () => createElastic({}).setOptions('x' as never), code: 'E_ELASTIC_OPTION', names: /setOptions\(options\) is "x", expected an options object/ },
  { entry: 'subscribe', kind: 'wrong type', run: () => createElastic({}).subscribe(5 as never), code: 'E_ELASTIC_OPTION', names: /subscribe\(listener\) is 5, expected a function/ },
  { entry: 'attach', kind: 'wrong type', run: () => createElastic({}).attach(5 as never), code: 'E_ELASTIC_TARGET', names: /attach\(el\) is 5, expected an Element/ },
  { entry: 'attachElastic', kind: 'empty', run: () => attachElastic(null as never), code: 'E_ELASTIC_TARGET', names: /attach\(el\) is null, expected an Element/ },
  { entry: 'resolveDamping', kind: 'empty', run: () => resolveDamping('' as never, 500), code: 'E_ELASTIC_OPTION', names: /curve is "", expected one of/ },
  { entry: 'resolveDamping', kind: 'wrong type', run: () => resolveDamping(5 as never, 500), code: 'E_ELASTIC_OPTION', names: /curve is 5, expected one of/ },
  { entry: 'resolveDamping', kind: 'hostile', run: () => resolveDamping('constructor' as never, 500), code: 'E_ELASTIC_OPTION', names: /curve is "constructor", expected one of/ },
  { entry: 'resolveDamping', kind: 'hostile', run: () => resolveDamping('__proto__' as never, 500), code: 'E_ELASTIC_OPTION', names: /curve is "__proto__", expected one of/ },
  { entry: 'createElastic', kind: 'hostile', run: () => createElastic({ curve: 'toString' as never }), code: 'E_ELASTIC_OPTION', names: /curve is "toString", expected one of/ },
];

describe('@tensile/core/elastic: bad input is a typed ElasticError naming the option', () => {
  itRejectsEach(rows, ElasticError);
});
