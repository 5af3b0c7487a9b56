import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  parseTrainerOptions
} from "./chunk-IM7OO3IZ.js";
import {
  OPTION_CHECKS_VARIABLE,
  optionChecksExpression
} from "./chunk-PF2U6X76.js";
import {
  checkParamValue,
  paramEnvName,
  paramsTotalProblem
} from "./chunk-XQSRBMA7.js";
import {
  DATA_CONTEXTS,
  SPEC_CONTEXTS,
  UNTERMINATED_MESSAGE,
  checkExpression,
  findExpressionEnd,
  pathEscapeProblem,
  referencedParams,
  scanTemplate,
  skeletonOf
} from "./chunk-UNSU6IJ5.js";
import {
  require_ucs2length
} from "./chunk-MJDWC35A.js";
import {
  DEFAULT_BOOTSTRAP,
  definitionOf
} from "./chunk-XZWJHWJQ.js";
import {
  closest
} from "./chunk-EU3M232E.js";
import {
  preview
} from "./chunk-KVC4UYSJ.js";
import {
  ContractEnv,
  dataEnvName
} from "./chunk-2RZSXHJU.js";
import {
  InputError
} from "./chunk-OLTTSRKB.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-SR7XTCTO.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair2;
    exports.isScalar = isScalar3;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path2) {
      const ctrl = callVisitor(key, node, visitor, path2);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path2, ctrl);
        return visit_(key, ctrl, visitor, path2);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path2 = Object.freeze(path2.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path2);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path2 = Object.freeze(path2.concat(node));
          const ck = visit_("key", node.key, visitor, path2);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path2);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path2) {
      const ctrl = await callVisitor(key, node, visitor, path2);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path2, ctrl);
        return visitAsync_(key, ctrl, visitor, path2);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path2 = Object.freeze(path2.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path2);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path2 = Object.freeze(path2.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path2);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path2);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path2) {
      if (typeof visitor === "function")
        return visitor(key, node, path2);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path2);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path2);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path2);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path2);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path2);
      return void 0;
    }
    function replaceNode(key, path2, node) {
      const parent = path2[path2.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path2, value) {
      let v = value;
      for (let i = path2.length - 1; i >= 0; --i) {
        const k = path2[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path2) => path2 == null || typeof path2 === "object" && !!path2[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path2, value) {
        if (isEmptyPath(path2))
          this.add(value);
        else {
          const [key, ...rest] = path2;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path2) {
        const [key, ...rest] = path2;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path2, keepScalar) {
        const [key, ...rest] = path2;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path2) {
        const [key, ...rest] = path2;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path2, value) {
        const [key, ...rest] = path2;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path2, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path2, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path2) {
        if (Collection.isEmptyPath(path2)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path2) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path2, keepScalar) {
        if (Collection.isEmptyPath(path2))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path2, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path2) {
        if (Collection.isEmptyPath(path2))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path2) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path2, value) {
        if (Collection.isEmptyPath(path2)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path2), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path2, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path2) => {
      let item = cst;
      for (const [field, index] of path2) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path2) => {
      const parent = visit.itemAtPath(cst, path2.slice(0, -1));
      const field = path2[path2.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path2, item, visitor) {
      let ctrl = visitor(item, path2);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path2.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path2);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path2) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar3;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/spec/load.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

// src/spec/challengers.ts
var MAX_CHALLENGERS = 64;
var MAX_CHALLENGER_NAME = 80;
var SAFE_NAME = /^[a-z0-9][a-z0-9.-]*$/;
function namepart(value) {
  return String(value).toLowerCase().replace(/[^a-z0-9.]+/g, "-").replace(/^-+|-+$/g, "");
}
function expandChallengers(raw, params, source) {
  const problems = [];
  const challengers = [];
  const declared = Object.keys(params);
  for (const [name, values] of Object.entries(raw ?? {})) {
    const location = source.keyAt(["challengers"], name);
    let valid = true;
    const axes = [];
    for (const [param, value] of Object.entries(values)) {
      const spec = params[param];
      if (!spec) {
        const near = closest(param, declared);
        problems.push({
          ...source.keyAt(["challengers", name], param),
          message: `challengers.${name}: ${preview(param)} is not a declared param${near ? `; did you mean "${near}"?` : ""} (${declared.length ? `the spec declares ${declared.join(", ")}` : "the spec declares no params"}); a challenger overrides params only`
        });
        valid = false;
        continue;
      }
      const list = Array.isArray(value) ? value : [value];
      list.forEach((v, i) => {
        const problem = checkParamValue(spec, v);
        if (problem) {
          const at = source.valueAt(Array.isArray(value) ? ["challengers", name, param, String(i)] : ["challengers", name, param]);
          problems.push({ ...at, message: `challengers.${name}.${param}${Array.isArray(value) ? `[${i}]` : ""} ${problem} (got ${preview(v)})` });
          valid = false;
        }
      });
      axes.push({ param, values: list, listed: Array.isArray(value) });
    }
    if (!valid) continue;
    let combos = [{ name, params: {} }];
    for (const axis of axes) {
      combos = combos.flatMap(
        (c) => axis.values.map((v) => ({
          name: axis.listed ? `${c.name}-${axis.param.toLowerCase()}-${namepart(v)}` : c.name,
          params: { ...c.params, [axis.param]: v }
        }))
      );
      if (combos.length > MAX_CHALLENGERS) break;
    }
    for (const combo of combos) challengers.push({ ...combo, location });
  }
  if (challengers.length > MAX_CHALLENGERS) {
    problems.push({
      ...source.keyAt([], "challengers"),
      message: `challengers expand to more than ${MAX_CHALLENGERS} (each is a job and a version in the registry); make the grid smaller`
    });
    return { challengers: [], problems };
  }
  const seen = /* @__PURE__ */ new Map();
  for (const c of challengers) {
    if (!SAFE_NAME.test(c.name) || c.name.length > MAX_CHALLENGER_NAME) {
      problems.push({
        ...c.location,
        message: `challenger name ${preview(c.name)} is not usable in artifact names and tags: at most ${MAX_CHALLENGER_NAME} lower-case letters, digits, '.' or '-'; shorten the param names or values`
      });
    }
    const other = seen.get(c.name);
    if (other) {
      problems.push({
        ...c.location,
        message: `challenger name "${c.name}" is given twice (also at line ${other.location.line}); challengers need unique names`
      });
    }
    seen.set(c.name, c);
  }
  return { challengers, problems };
}

// src/spec/generated/spec-validator.js
var __ns0 = __toESM(require_ucs2length(), 1);
var __cjs0 = __commonJs(__ns0);
function __commonJs(ns) {
  return ns.default && ns.default.__esModule ? ns.default : ns;
}
var spec_validator_default = validate0;
var schema0 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "retraining spec", "description": "How to retrain, evaluate and promote one model. Kept in the repository, by default at .github/retrain.yml.", "type": "object", "additionalProperties": false, "required": ["model", "steps", "evaluate", "metrics", "promotion"], "properties": { "model": { "description": "The model's name. Versions, the champion pointer, history and artifact names are keyed by it.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", "patternErrorMessage": "a model name starts with a letter or digit and holds at most 64 letters, digits, '.', '_' or '-'" }, "description": { "description": "What this model is for; shown in reports.", "type": "string" }, "root": { "description": "Directory that relative paths (data, lockfiles, working-directory) resolve against, itself relative to the spec file's directory. Default: the current directory (the workflow's workspace).", "type": "string", "minLength": 1 }, "params": { "description": "Typed run parameters. workflow_dispatch inputs or `--param name=value` override their defaults; a param without a default must be given at run time. Steps read them as ${{ params.name }} or from RETRAIN_PARAM_<NAME>.", "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_-]*$", "patternErrorMessage": "a param name starts with a letter or '_' and holds only letters, digits, '_' or '-'" }, "additionalProperties": { "$ref": "#/$defs/param" } }, "data": { "description": "Named data inputs: a path or glob, or an object with one or more paths. Paths may hold ${{ }} expressions on params and github (data/batches/${{ params.batch }}.csv), evaluated before the data is fingerprinted; a value must keep the path under root. Fingerprinted by content and recorded in lineage.", "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_-]*$", "patternErrorMessage": "a data input name starts with a letter or '_' and holds only letters, digits, '_' or '-'" }, "additionalProperties": { "$ref": "#/$defs/dataInput" } }, "env": { "description": "Environment variables set for every step and for evaluate. Values may hold ${{ }} expressions, evaluated as data (never as shell text).", "$ref": "#/$defs/env" }, "warm-start": { "description": "required: fail when training cannot start from the champion (its bundle holds no model the training can continue, or an incompatible one); fallback: train from scratch then, and record it. A first model (no champion yet) is trained from scratch either way, and first-model decides.", "enum": ["required", "fallback"], "default": "fallback" }, "lockfiles": { "description": "Lockfiles whose digests are recorded in the bundle's environment lineage.", "type": "array", "items": { "type": "string", "minLength": 1, "description": "A path relative to root." } }, "steps": { "description": "Preprocessing and training commands, run in order. The last one must leave the candidate in $RETRAIN_MODEL_DIR.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/step" } }, "evaluate": { "$ref": "#/$defs/evaluate" }, "metrics": { "description": "The metrics the evaluate command reports, each with its goal and the rules a candidate must pass. At least one rule (a bound or a change rule) is needed overall.", "type": "object", "minProperties": 1, "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_.-]*$", "patternErrorMessage": "a metric name starts with a letter or '_' and holds only letters, digits, '_', '.' or '-'" }, "additionalProperties": { "$ref": "#/$defs/metric" } }, "checks": { "description": "Checks on the new data, by data input, run before any step: a failing check stops the run (exit 2) before anything runs or changes, with a table naming the input, column, check, expected and found. CSV files with a header row.", "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_-]*$", "patternErrorMessage": "a data input name starts with a letter or '_' and holds only letters, digits, '_' or '-'" }, "additionalProperties": { "$ref": "#/$defs/dataCheck" } }, "drift": { "description": "How `retrain drift` compares the current data with the profile in the champion's bundle (docs/drift.md): per feature, PSI for every feature, Kolmogorov-Smirnov for numbers, chi-square for categories. A feature drifted when its PSI is above psi or a p-value is below ks-p or chi2-p. Default: every data input that is not evaluation data, psi 0.2, ks-p 0.01, chi2-p 0.01.", "$ref": "#/$defs/driftPolicy" }, "retrain-when": { "description": "When a run retrains at all. With drift, `retrain run` first compares the data with the champion's profile and, when no feature drifted, skips the whole run: exit 0, decision skipped with the reason and the drift table, no step runs, nothing changes. Without a champion (or one whose bundle has no profile) the run goes ahead.", "type": "object", "additionalProperties": false, "required": ["drift"], "properties": { "drift": { "description": "Retrain only when some feature of these inputs drifted; thresholds not given here come from the spec's drift block, then the defaults.", "$ref": "#/$defs/driftPolicy" } } }, "challengers": { "description": "Named challengers trained side by side (retrain plan, run --challenger NAME, select): each overrides some declared params. A param given as a list makes a grid: one challenger per combination, named after the values (grid-epochs-20-l2-0.001).", "type": "object", "minProperties": 1, "maxProperties": 64, "propertyNames": { "pattern": "^[a-z0-9][a-z0-9-]{0,39}$", "patternErrorMessage": "a challenger name is 1 to 40 lower-case letters, digits or '-', starting with a letter or digit (it names artifacts and tags)" }, "additionalProperties": { "$ref": "#/$defs/challenger" } }, "promotion": { "$ref": "#/$defs/promotion" }, "retention": { "$ref": "#/$defs/retention" } }, "$defs": { "driftPolicy": { "description": "Which inputs drift compares and its thresholds.", "type": "object", "additionalProperties": false, "properties": { "inputs": { "description": "The data inputs to compare. Default: every input that is not evaluation data.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_-]*$" } }, "psi": { "description": "A feature drifted when its population stability index is above this (default 0.2).", "type": "number", "minimum": 0 }, "ks-p": { "description": "A number feature drifted when its Kolmogorov-Smirnov p-value is below this (default 0.01; 0 turns the test off).", "type": "number", "minimum": 0, "maximum": 1 }, "chi2-p": { "description": "A category feature drifted when its chi-square p-value is below this (default 0.01; 0 turns the test off).", "type": "number", "minimum": 0, "maximum": 1 } } }, "challenger": { "description": "Param values this challenger trains with, by param name; a list of values makes a grid (every combination).", "type": "object", "minProperties": 1, "additionalProperties": { "oneOf": [{ "$ref": "#/$defs/scalar" }, { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/scalar" } }] } }, "dataCheck": { "description": "Checks on one data input (all its files together).", "type": "object", "additionalProperties": false, "properties": { "min-rows": { "description": "The fewest data rows (header excluded) the input may hold.", "type": "integer", "minimum": 0 }, "columns": { "description": "Columns that must be present, with checks on their values.", "type": "object", "additionalProperties": { "$ref": "#/$defs/columnCheck" } }, "unexpected-columns": { "description": "What to do with a column not listed under columns: error (fail the check) or warn. Default: allowed.", "enum": ["error", "warn"] } } }, "columnCheck": { "description": "Checks on one column. Empty, NA, NaN and null cells are missing.", "type": "object", "additionalProperties": false, "properties": { "type": { "description": "number: every present cell is a finite number; category: any text.", "enum": ["number", "category"] }, "max-missing": { "description": "The largest share of missing cells allowed, from 0 to 1.", "type": "number", "minimum": 0, "maximum": 1 }, "min": { "description": "The smallest value allowed (numbers).", "type": "number" }, "max": { "description": "The largest value allowed (numbers).", "type": "number" }, "max-mean-shift": { "description": "Compared with the champion's profile (numbers): the column's mean may move by at most this many of the champion's standard deviations. Not checked without a champion or when its bundle has no profile.", "type": "number", "exclusiveMinimum": 0 }, "values": { "description": "The only values allowed (categories).", "type": "array", "minItems": 1, "items": { "type": ["string", "number", "boolean"] } } } }, "scalar": { "type": ["string", "number", "boolean"] }, "env": { "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "patternErrorMessage": "an environment variable name starts with a letter or '_' and holds only letters, digits or '_'" }, "additionalProperties": { "description": "The variable's value; numbers and booleans are kept as written. May hold ${{ }} expressions.", "$ref": "#/$defs/scalar" } }, "shell": { "description": 'bash (default), sh, python, node, pwsh, or a command template holding {0} for the script file, such as "perl {0}". Only bash and sh (or a template starting with them) may hold ${{ }} expressions in run.', "anyOf": [{ "title": "one of bash, sh, python, node, pwsh", "enum": ["bash", "sh", "python", "node", "pwsh"] }, { "title": "a command template containing {0}", "type": "string", "pattern": "\\{0\\}" }] }, "workingDirectory": { "description": "Directory the command runs in, relative to root. May hold ${{ }} expressions.", "type": "string", "minLength": 1 }, "timeoutMinutes": { "description": "The command is stopped and fails after this many minutes.", "type": "number", "exclusiveMinimum": 0 }, "param": { "description": "A typed run parameter.", "type": "object", "additionalProperties": false, "required": ["type"], "properties": { "type": { "description": "The value's type; values given as text (--param, dispatch inputs) are converted to it.", "enum": ["string", "number", "integer", "boolean"] }, "default": { "description": "Value used when none is given at run time. Without a default the param is required.", "$ref": "#/$defs/scalar" }, "description": { "description": "What the param controls; shown in errors and reports.", "type": "string" }, "enum": { "description": "The only values allowed.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/scalar" } }, "minimum": { "description": "Smallest allowed value (number and integer params).", "type": "number" }, "maximum": { "description": "Largest allowed value (number and integer params).", "type": "number" } } }, "paths": { "anyOf": [{ "title": "a path or glob", "type": "string", "minLength": 1 }, { "title": "a list of paths or globs", "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }] }, "dataInput": { "description": "A data input: a path or glob relative to root, or an object with `path` (one or a list) and a description. Paths may hold ${{ }} expressions on params and github.", "anyOf": [{ "title": "a path or glob", "type": "string", "minLength": 1 }, { "title": "a mapping with path", "type": "object", "additionalProperties": false, "required": ["path"], "properties": { "path": { "description": "A path or glob, or a list of them, relative to root; may hold ${{ }} expressions on params and github.", "$ref": "#/$defs/paths" }, "description": { "description": "What this data is.", "type": "string" } } }] }, "step": { "description": "One command: `run` (a script for the shell) or `uses` (a built-in trainer).", "type": "object", "additionalProperties": false, "oneOf": [{ "title": "run", "required": ["run"] }, { "title": "uses", "required": ["uses"] }], "dependentRequired": { "with": ["uses"] }, "properties": { "name": { "description": "Shown in logs and reports.", "type": "string", "minLength": 1 }, "id": { "description": "Stable identifier, unique among the steps. Default: the name as a slug, else step-N.", "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_-]*$", "patternErrorMessage": "a step id starts with a letter or '_' and holds only letters, digits, '_' or '-'" }, "run": { "description": "The script. ${{ }} expressions are passed to it through environment variables, never pasted into the script text.", "type": "string", "minLength": 1 }, "uses": { "description": "A built-in trainer: builtin/online-gradient-descent, builtin/sgd-logistic, builtin/averaged-perceptron, builtin/linear-svm, builtin/lbfgs-logistic, builtin/lbfgs-maximum-entropy or builtin/lbfgs-poisson.", "type": "string", "pattern": "^builtin/[a-z0-9-]+$", "patternErrorMessage": "uses names a built-in trainer, such as builtin/online-gradient-descent" }, "with": { "description": "Options of the built-in trainer named by uses.", "type": "object" }, "shell": { "$ref": "#/$defs/shell" }, "env": { "description": "Environment variables for this step, added to the spec's env. Values may hold ${{ }} expressions.", "$ref": "#/$defs/env" }, "working-directory": { "$ref": "#/$defs/workingDirectory" }, "timeout-minutes": { "$ref": "#/$defs/timeoutMinutes" }, "cache": { "$ref": "#/$defs/stepCache" } } }, "stepCache": { "description": "The run-cache: when the step's command, params, spec env, the environment variables and the data and files named here, and the tool version are what they were on an earlier run, the step is skipped and its outputs are restored (locally from .retrain/cache, on GitHub from the Actions cache). See docs/cache.md.", "type": "object", "additionalProperties": false, "required": ["outputs"], "properties": { "outputs": { "description": "What the step writes: files or directories relative to root, or under $RETRAIN_WORK_DIR/ or $RETRAIN_MODEL_DIR/ (the variable alone means the whole directory). A hit restores exactly these. No '..', no absolute paths, no globs, nothing under .git or .retrain.", "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }, "data": { "description": "Data inputs (names under data) the step reads: the content of their files is part of the key.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "files": { "description": "Other files the step depends on (its scripts, a lockfile), as paths or globs relative to root: their content is part of the key. Each must match a file.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "env": { "description": "Environment variables the step reads from the runner's environment (the spec's env and the step's env are always part of the key): their values are part of the key. Name RETRAIN_BASELINE_DIGEST when the step reads the champion.", "type": "array", "items": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "patternErrorMessage": "an environment variable name starts with a letter or '_' and holds only letters, digits or '_'" } }, "params": { "description": "The params the step reads, whose values are part of the key. Default: every param, since every step sees them all.", "type": "array", "items": { "type": "string", "minLength": 1 } } } }, "predictions": { "description": "Per-example predictions the evaluate command writes at $RETRAIN_PREDICTIONS_FILE for each model; metrics with `compute`, confidence rules and slice rules are computed from them.", "type": "object", "additionalProperties": false, "properties": { "format": { "description": "File format of the predictions: CSV with a header row (default) or JSON Lines.", "enum": ["csv", "jsonl"] }, "task": { "description": "What the labels are: binary (0/1, or the two classes), multiclass, or regression (numbers). Needed by computed metrics.", "enum": ["binary", "multiclass", "regression"] }, "id": { "description": "Column holding the example id (default id). Both models' files must hold the same ids.", "type": "string", "minLength": 1 }, "label": { "description": "Column holding the true label (default label).", "type": "string", "minLength": 1 }, "prediction": { "description": "Column holding the predicted class or value (default prediction).", "type": "string", "minLength": 1 }, "score": { "description": "Binary: column holding the positive class's score or probability (default score).", "type": "string", "minLength": 1 }, "probability-prefix": { "description": "Multiclass: class probabilities are in the columns named this prefix plus the class (default proba_, as proba_cat).", "type": "string", "minLength": 1 }, "classes": { "description": "Binary: [negative, positive] (default [0, 1]); multiclass: every class (default: from the probability columns).", "type": "array", "minItems": 2, "items": { "type": ["string", "number", "boolean"] } }, "group": { "description": "Column holding the group (user, session) the bootstrap resamples.", "type": "string", "minLength": 1 }, "slices": { "description": "Columns whose values define slices.", "type": "array", "items": { "type": "string", "minLength": 1 } } } }, "evaluate": { "description": "The command that evaluates a model; it runs for the candidate and for the champion with the same data.", "type": "object", "additionalProperties": false, "required": ["run", "data"], "properties": { "run": { "description": "The script. It reads the model under evaluation and writes metrics where the environment says.", "type": "string", "minLength": 1 }, "data": { "description": "The data input (or list of inputs) holding the evaluation data; each must be declared under data.", "anyOf": [{ "title": "a data input name", "type": "string", "minLength": 1 }, { "title": "a list of data input names", "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }] }, "shell": { "$ref": "#/$defs/shell" }, "env": { "description": "Environment variables for evaluate, added to the spec's env. Values may hold ${{ }} expressions.", "$ref": "#/$defs/env" }, "working-directory": { "$ref": "#/$defs/workingDirectory" }, "timeout-minutes": { "$ref": "#/$defs/timeoutMinutes" }, "predictions": { "$ref": "#/$defs/predictions" }, "bootstrap": { "description": "The paired bootstrap behind confidence and slice rules: resamples examples (or groups, with a group column) jointly for both models.", "type": "object", "additionalProperties": false, "properties": { "resamples": { "description": "Number of resamples (default 1000).", "type": "integer", "minimum": 100, "maximum": 1e5 }, "seed": { "description": "Seed of the resampling (default 0); part of the spec, so of its digest.", "type": "integer", "minimum": 0, "maximum": 4294967295 }, "interval": { "description": "bca (default): bias-corrected and accelerated; percentile: plain percentile bounds.", "enum": ["bca", "percentile"] } } } } }, "changeRule": { "description": "A rule on the improvement over the baseline; exactly one of margin or relative-margin.", "type": "object", "additionalProperties": false, "oneOf": [{ "title": "margin", "required": ["margin"] }, { "title": "relative-margin", "required": ["relative-margin"] }], "properties": { "margin": { "description": "The improvement must exceed this (>= 0: must improve by more than it; < 0: may regress by at most its size).", "type": "number" }, "relative-margin": { "description": "As margin, on the improvement divided by |baseline|.", "type": "number" }, "confidence": { "description": "The one-sided lower bound of the improvement at this confidence, under a paired bootstrap, must clear the margin (not the point estimate). Needs a metric with compute.", "type": "number", "exclusiveMinimum": 0.5, "exclusiveMaximum": 1 }, "against": { "description": "Compare with the champion (default) or with a pinned version, evaluated too, so non-inferiority margins cannot compound over generations.", "anyOf": [{ "title": "champion", "const": "champion" }, { "title": "a version number >= 1", "type": "integer", "minimum": 1 }], "default": "champion" } } }, "metric": { "description": "A metric the evaluate command reports.", "type": "object", "additionalProperties": false, "required": ["goal"], "properties": { "goal": { "description": "Whether larger (maximize) or smaller (minimize) values are better.", "enum": ["maximize", "minimize"] }, "compute": { "description": "Computed by the action from both models' predictions (evaluate.predictions), instead of read from the metrics file.", "enum": ["accuracy", "precision", "recall", "f1", "precision-macro", "recall-macro", "f1-macro", "precision-weighted", "recall-weighted", "f1-weighted", "roc-auc", "average-precision", "log-loss", "brier", "rmse", "mae", "mape", "r2"] }, "min": { "description": "The candidate's value must be at least this, on every run (the first included).", "type": "number" }, "max": { "description": "The candidate's value must be at most this, on every run (the first included).", "type": "number" }, "change": { "description": "Rules on the change against the baseline; all must pass.", "type": "array", "items": { "$ref": "#/$defs/changeRule" } }, "slices": { "description": "No slice (a value of a column in evaluate.predictions.slices) regresses, on evidence, by more than max-regression. Needs a metric with compute.", "type": "object", "additionalProperties": false, "required": ["max-regression"], "properties": { "max-regression": { "description": "A slice fails when its improvement's upper bound is below minus this (Holm-corrected across slices).", "type": "number", "minimum": 0 }, "min-size": { "description": "Slices with a smaller effective size (examples; for AUC the smaller class; groups with a group column) are reported, not judged. Default 30.", "type": "integer", "minimum": 1 }, "confidence": { "description": "Family-wise confidence across slices (default 0.95).", "type": "number", "exclusiveMinimum": 0.5, "exclusiveMaximum": 1 } } } } }, "retention": { "description": "How many stored bundles the registry keeps (retrain prune, and after each run that registers a version). Absent: every bundle is kept. Never pruned, whatever the counts: the champion, pending versions, undecided candidates, the champion a pending version was compared with, and versions a rule compares with (against: N). A pruned bundle is deleted for good; the version's record and history stay.", "type": "object", "additionalProperties": false, "properties": { "keep-rejected": { "description": "Keep the bundles of the newest N rejected or not-selected versions (by version number); older ones are pruned. Default: keep all.", "type": "integer", "minimum": 0 }, "keep-retired": { "description": "Keep the bundles of the newest N former champions (retired versions, by version number) as rollback targets; older ones are pruned and can no longer be rolled back to. Default: keep all.", "type": "integer", "minimum": 0 } } }, "promotion": { "description": "What happens to a candidate that passes every rule.", "type": "object", "additionalProperties": false, "required": ["mode", "first-model"], "properties": { "mode": { "description": "auto: promote; gate: open a gate for a person to approve; dry-run: decide and report, change nothing.", "enum": ["auto", "gate", "dry-run"] }, "first-model": { "description": "What to do when there is no champion yet (change rules cannot apply): promote, gate or reject. Explicit on purpose.", "enum": ["promote", "gate", "reject"] }, "borderline": { "description": "What to do with a borderline candidate: every point estimate passes, but some confidence rule's bound does not clear its margin (and nothing else fails). reject (default) or gate: open the gate for a person to decide, with the numbers. Clear passes and clear failures are not affected.", "enum": ["reject", "gate"] }, "approvers": { "description": "GitHub logins whose approval counts, besides people with write access.", "type": "array", "items": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9-]*$", "patternErrorMessage": "an approver is a GitHub login, without '@'" } } } } } };
var schema22 = { "description": "Which inputs drift compares and its thresholds.", "type": "object", "additionalProperties": false, "properties": { "inputs": { "description": "The data inputs to compare. Default: every input that is not evaluation data.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_-]*$" } }, "psi": { "description": "A feature drifted when its population stability index is above this (default 0.2).", "type": "number", "minimum": 0 }, "ks-p": { "description": "A number feature drifted when its Kolmogorov-Smirnov p-value is below this (default 0.01; 0 turns the test off).", "type": "number", "minimum": 0, "maximum": 1 }, "chi2-p": { "description": "A category feature drifted when its chi-square p-value is below this (default 0.01; 0 turns the test off).", "type": "number", "minimum": 0, "maximum": 1 } } };
var schema27 = { "description": "What happens to a candidate that passes every rule.", "type": "object", "additionalProperties": false, "required": ["mode", "first-model"], "properties": { "mode": { "description": "auto: promote; gate: open a gate for a person to approve; dry-run: decide and report, change nothing.", "enum": ["auto", "gate", "dry-run"] }, "first-model": { "description": "What to do when there is no champion yet (change rules cannot apply): promote, gate or reject. Explicit on purpose.", "enum": ["promote", "gate", "reject"] }, "borderline": { "description": "What to do with a borderline candidate: every point estimate passes, but some confidence rule's bound does not clear its margin (and nothing else fails). reject (default) or gate: open the gate for a person to decide, with the numbers. Clear passes and clear failures are not affected.", "enum": ["reject", "gate"] }, "approvers": { "description": "GitHub logins whose approval counts, besides people with write access.", "type": "array", "items": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9-]*$", "patternErrorMessage": "an approver is a GitHub login, without '@'" } } } };
var schema28 = { "description": "How many stored bundles the registry keeps (retrain prune, and after each run that registers a version). Absent: every bundle is kept. Never pruned, whatever the counts: the champion, pending versions, undecided candidates, the champion a pending version was compared with, and versions a rule compares with (against: N). A pruned bundle is deleted for good; the version's record and history stay.", "type": "object", "additionalProperties": false, "properties": { "keep-rejected": { "description": "Keep the bundles of the newest N rejected or not-selected versions (by version number); older ones are pruned. Default: keep all.", "type": "integer", "minimum": 0 }, "keep-retired": { "description": "Keep the bundles of the newest N former champions (retired versions, by version number) as rollback targets; older ones are pruned and can no longer be rolled back to. Default: keep all.", "type": "integer", "minimum": 0 } } };
var func0 = Object.prototype.hasOwnProperty;
var func1 = __cjs0.default;
var pattern0 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", "u");
var pattern1 = new RegExp("^[A-Za-z_][A-Za-z0-9_-]*$", "u");
var pattern9 = new RegExp("^[A-Za-z_][A-Za-z0-9_.-]*$", "u");
var pattern13 = new RegExp("^[a-z0-9][a-z0-9-]{0,39}$", "u");
var pattern14 = new RegExp("^[A-Za-z0-9][A-Za-z0-9-]*$", "u");
var schema1 = { "description": "A typed run parameter.", "type": "object", "additionalProperties": false, "required": ["type"], "properties": { "type": { "description": "The value's type; values given as text (--param, dispatch inputs) are converted to it.", "enum": ["string", "number", "integer", "boolean"] }, "default": { "description": "Value used when none is given at run time. Without a default the param is required.", "$ref": "#/$defs/scalar" }, "description": { "description": "What the param controls; shown in errors and reports.", "type": "string" }, "enum": { "description": "The only values allowed.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/scalar" } }, "minimum": { "description": "Smallest allowed value (number and integer params).", "type": "number" }, "maximum": { "description": "Largest allowed value (number and integer params).", "type": "number" } } };
var schema2 = { "type": ["string", "number", "boolean"] };
function validate1(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate1.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.type === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'", schema: schema1.required, parentSchema: schema1, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "type" || key0 === "default" || key0 === "description" || key0 === "enum" || key0 === "minimum" || key0 === "maximum")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema1, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.type !== void 0) {
      let data0 = data.type;
      if (!(data0 === "string" || data0 === "number" || data0 === "integer" || data0 === "boolean")) {
        const err2 = { instancePath: instancePath + "/type", schemaPath: "#/properties/type/enum", keyword: "enum", params: { allowedValues: schema1.properties.type.enum }, message: "must be equal to one of the allowed values", schema: schema1.properties.type.enum, parentSchema: schema1.properties.type, data: data0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.default !== void 0) {
      let data1 = data.default;
      if (typeof data1 !== "string" && !(typeof data1 == "number" && isFinite(data1)) && typeof data1 !== "boolean") {
        const err3 = { instancePath: instancePath + "/default", schemaPath: "#/$defs/scalar/type", keyword: "type", params: { type: schema2.type }, message: "must be string,number,boolean", schema: schema2.type, parentSchema: schema2, data: data1 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      let data2 = data.description;
      if (typeof data2 !== "string") {
        const err4 = { instancePath: instancePath + "/description", schemaPath: "#/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema1.properties.description.type, parentSchema: schema1.properties.description, data: data2 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.enum !== void 0) {
      let data3 = data.enum;
      if (Array.isArray(data3)) {
        if (data3.length < 1) {
          const err5 = { instancePath: instancePath + "/enum", schemaPath: "#/properties/enum/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema1.properties.enum, data: data3 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        const len0 = data3.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data4 = data3[i0];
          if (typeof data4 !== "string" && !(typeof data4 == "number" && isFinite(data4)) && typeof data4 !== "boolean") {
            const err6 = { instancePath: instancePath + "/enum/" + i0, schemaPath: "#/$defs/scalar/type", keyword: "type", params: { type: schema2.type }, message: "must be string,number,boolean", schema: schema2.type, parentSchema: schema2, data: data4 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
      } else {
        const err7 = { instancePath: instancePath + "/enum", schemaPath: "#/properties/enum/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema1.properties.enum.type, parentSchema: schema1.properties.enum, data: data3 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.minimum !== void 0) {
      let data5 = data.minimum;
      if (!(typeof data5 == "number" && isFinite(data5))) {
        const err8 = { instancePath: instancePath + "/minimum", schemaPath: "#/properties/minimum/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema1.properties.minimum.type, parentSchema: schema1.properties.minimum, data: data5 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.maximum !== void 0) {
      let data6 = data.maximum;
      if (!(typeof data6 == "number" && isFinite(data6))) {
        const err9 = { instancePath: instancePath + "/maximum", schemaPath: "#/properties/maximum/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema1.properties.maximum.type, parentSchema: schema1.properties.maximum, data: data6 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
  } else {
    const err10 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema1.type, parentSchema: schema1, data };
    if (vErrors === null) {
      vErrors = [err10];
    } else {
      vErrors.push(err10);
    }
    errors++;
  }
  validate1.errors = vErrors;
  return errors === 0;
}
validate1.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema4 = { "description": "A data input: a path or glob relative to root, or an object with `path` (one or a list) and a description. Paths may hold ${{ }} expressions on params and github.", "anyOf": [{ "title": "a path or glob", "type": "string", "minLength": 1 }, { "title": "a mapping with path", "type": "object", "additionalProperties": false, "required": ["path"], "properties": { "path": { "description": "A path or glob, or a list of them, relative to root; may hold ${{ }} expressions on params and github.", "$ref": "#/$defs/paths" }, "description": { "description": "What this data is.", "type": "string" } } }] };
var schema5 = { "anyOf": [{ "title": "a path or glob", "type": "string", "minLength": 1 }, { "title": "a list of paths or globs", "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }] };
function validate3(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate3.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  const _errs0 = errors;
  let valid0 = false;
  const _errs1 = errors;
  if (typeof data === "string") {
    if (func1(data) < 1) {
      const err0 = { instancePath, schemaPath: "#/anyOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema4.anyOf[0], data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  } else {
    const err1 = { instancePath, schemaPath: "#/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema4.anyOf[0].type, parentSchema: schema4.anyOf[0], data };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  var _valid0 = _errs1 === errors;
  valid0 = valid0 || _valid0;
  const _errs3 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.path === void 0) {
      const err2 = { instancePath, schemaPath: "#/anyOf/1/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema4.anyOf[1].required, parentSchema: schema4.anyOf[1], data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "path" || key0 === "description")) {
        const err3 = { instancePath, schemaPath: "#/anyOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema4.anyOf[1], data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.path !== void 0) {
      let data0 = data.path;
      const _errs8 = errors;
      let valid3 = false;
      const _errs9 = errors;
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err4 = { instancePath: instancePath + "/path", schemaPath: "#/$defs/paths/anyOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema5.anyOf[0], data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/path", schemaPath: "#/$defs/paths/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema5.anyOf[0].type, parentSchema: schema5.anyOf[0], data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      var _valid1 = _errs9 === errors;
      valid3 = valid3 || _valid1;
      const _errs11 = errors;
      if (Array.isArray(data0)) {
        if (data0.length < 1) {
          const err6 = { instancePath: instancePath + "/path", schemaPath: "#/$defs/paths/anyOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema5.anyOf[1], data: data0 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (typeof data1 === "string") {
            if (func1(data1) < 1) {
              const err7 = { instancePath: instancePath + "/path/" + i0, schemaPath: "#/$defs/paths/anyOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema5.anyOf[1].items, data: data1 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/path/" + i0, schemaPath: "#/$defs/paths/anyOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema5.anyOf[1].items.type, parentSchema: schema5.anyOf[1].items, data: data1 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
      } else {
        const err9 = { instancePath: instancePath + "/path", schemaPath: "#/$defs/paths/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema5.anyOf[1].type, parentSchema: schema5.anyOf[1], data: data0 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
      var _valid1 = _errs11 === errors;
      valid3 = valid3 || _valid1;
      if (!valid3) {
        const err10 = { instancePath: instancePath + "/path", schemaPath: "#/$defs/paths/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema5.anyOf, parentSchema: schema5, data: data0 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      } else {
        errors = _errs8;
        if (vErrors !== null) {
          if (_errs8) {
            vErrors.length = _errs8;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.description !== void 0) {
      let data2 = data.description;
      if (typeof data2 !== "string") {
        const err11 = { instancePath: instancePath + "/description", schemaPath: "#/anyOf/1/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema4.anyOf[1].properties.description.type, parentSchema: schema4.anyOf[1].properties.description, data: data2 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
  } else {
    const err12 = { instancePath, schemaPath: "#/anyOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema4.anyOf[1].type, parentSchema: schema4.anyOf[1], data };
    if (vErrors === null) {
      vErrors = [err12];
    } else {
      vErrors.push(err12);
    }
    errors++;
  }
  var _valid0 = _errs3 === errors;
  valid0 = valid0 || _valid0;
  if (_valid0) {
    var props0 = true;
  }
  if (!valid0) {
    const err13 = { instancePath, schemaPath: "#/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema4.anyOf, parentSchema: schema4, data };
    if (vErrors === null) {
      vErrors = [err13];
    } else {
      vErrors.push(err13);
    }
    errors++;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate3.errors = vErrors;
  evaluated0.props = props0;
  return errors === 0;
}
validate3.evaluated = { "dynamicProps": true, "dynamicItems": false };
var schema6 = { "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "patternErrorMessage": "an environment variable name starts with a letter or '_' and holds only letters, digits or '_'" }, "additionalProperties": { "description": "The variable's value; numbers and booleans are kept as written. May hold ${{ }} expressions.", "$ref": "#/$defs/scalar" } };
var pattern3 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
function validate5(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate5.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      const _errs1 = errors;
      if (typeof key0 === "string") {
        if (!pattern3.test(key0)) {
          const err0 = { instancePath, schemaPath: "#/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"', schema: "^[A-Za-z_][A-Za-z0-9_]*$", parentSchema: schema6.propertyNames, data: key0, propertyName: key0 };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
      }
      var valid0 = _errs1 === errors;
      if (!valid0) {
        const err1 = { instancePath, schemaPath: "#/propertyNames", keyword: "propertyNames", params: { propertyName: key0 }, message: "property name must be valid", schema: schema6.propertyNames, parentSchema: schema6, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    for (const key1 in data) {
      let data0 = data[key1];
      if (typeof data0 !== "string" && !(typeof data0 == "number" && isFinite(data0)) && typeof data0 !== "boolean") {
        const err2 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/scalar/type", keyword: "type", params: { type: schema2.type }, message: "must be string,number,boolean", schema: schema2.type, parentSchema: schema2, data: data0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema6.type, parentSchema: schema6, data };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate5.errors = vErrors;
  return errors === 0;
}
validate5.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema8 = { "description": "One command: `run` (a script for the shell) or `uses` (a built-in trainer).", "type": "object", "additionalProperties": false, "oneOf": [{ "title": "run", "required": ["run"] }, { "title": "uses", "required": ["uses"] }], "dependentRequired": { "with": ["uses"] }, "properties": { "name": { "description": "Shown in logs and reports.", "type": "string", "minLength": 1 }, "id": { "description": "Stable identifier, unique among the steps. Default: the name as a slug, else step-N.", "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_-]*$", "patternErrorMessage": "a step id starts with a letter or '_' and holds only letters, digits, '_' or '-'" }, "run": { "description": "The script. ${{ }} expressions are passed to it through environment variables, never pasted into the script text.", "type": "string", "minLength": 1 }, "uses": { "description": "A built-in trainer: builtin/online-gradient-descent, builtin/sgd-logistic, builtin/averaged-perceptron, builtin/linear-svm, builtin/lbfgs-logistic, builtin/lbfgs-maximum-entropy or builtin/lbfgs-poisson.", "type": "string", "pattern": "^builtin/[a-z0-9-]+$", "patternErrorMessage": "uses names a built-in trainer, such as builtin/online-gradient-descent" }, "with": { "description": "Options of the built-in trainer named by uses.", "type": "object" }, "shell": { "$ref": "#/$defs/shell" }, "env": { "description": "Environment variables for this step, added to the spec's env. Values may hold ${{ }} expressions.", "$ref": "#/$defs/env" }, "working-directory": { "$ref": "#/$defs/workingDirectory" }, "timeout-minutes": { "$ref": "#/$defs/timeoutMinutes" }, "cache": { "$ref": "#/$defs/stepCache" } } };
var schema9 = { "description": 'bash (default), sh, python, node, pwsh, or a command template holding {0} for the script file, such as "perl {0}". Only bash and sh (or a template starting with them) may hold ${{ }} expressions in run.', "anyOf": [{ "title": "one of bash, sh, python, node, pwsh", "enum": ["bash", "sh", "python", "node", "pwsh"] }, { "title": "a command template containing {0}", "type": "string", "pattern": "\\{0\\}" }] };
var schema10 = { "description": "Directory the command runs in, relative to root. May hold ${{ }} expressions.", "type": "string", "minLength": 1 };
var schema11 = { "description": "The command is stopped and fails after this many minutes.", "type": "number", "exclusiveMinimum": 0 };
var schema12 = { "description": "The run-cache: when the step's command, params, spec env, the environment variables and the data and files named here, and the tool version are what they were on an earlier run, the step is skipped and its outputs are restored (locally from .retrain/cache, on GitHub from the Actions cache). See docs/cache.md.", "type": "object", "additionalProperties": false, "required": ["outputs"], "properties": { "outputs": { "description": "What the step writes: files or directories relative to root, or under $RETRAIN_WORK_DIR/ or $RETRAIN_MODEL_DIR/ (the variable alone means the whole directory). A hit restores exactly these. No '..', no absolute paths, no globs, nothing under .git or .retrain.", "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }, "data": { "description": "Data inputs (names under data) the step reads: the content of their files is part of the key.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "files": { "description": "Other files the step depends on (its scripts, a lockfile), as paths or globs relative to root: their content is part of the key. Each must match a file.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "env": { "description": "Environment variables the step reads from the runner's environment (the spec's env and the step's env are always part of the key): their values are part of the key. Name RETRAIN_BASELINE_DIGEST when the step reads the champion.", "type": "array", "items": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "patternErrorMessage": "an environment variable name starts with a letter or '_' and holds only letters, digits or '_'" } }, "params": { "description": "The params the step reads, whose values are part of the key. Default: every param, since every step sees them all.", "type": "array", "items": { "type": "string", "minLength": 1 } } } };
var pattern5 = new RegExp("^builtin/[a-z0-9-]+$", "u");
var pattern6 = new RegExp("\\{0\\}", "u");
function validate7(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate7.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  const _errs1 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs2 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.run === void 0) {
      const err0 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "run" }, message: "must have required property 'run'", schema: schema8.oneOf[0].required, parentSchema: schema8.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  }
  var _valid0 = _errs2 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
  }
  const _errs3 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.uses === void 0) {
      const err1 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "uses" }, message: "must have required property 'uses'", schema: schema8.oneOf[1].required, parentSchema: schema8.oneOf[1], data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
  }
  var _valid0 = _errs3 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
    }
  }
  if (!valid0) {
    const err2 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema8.oneOf, parentSchema: schema8, data };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  } else {
    errors = _errs1;
    if (vErrors !== null) {
      if (_errs1) {
        vErrors.length = _errs1;
      } else {
        vErrors = null;
      }
    }
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!func0.call(schema8.properties, key0)) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema8, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data0 = data.name;
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err4 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema8.properties.name, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema8.properties.name.type, parentSchema: schema8.properties.name, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data1 = data.id;
      if (typeof data1 === "string") {
        if (!pattern1.test(data1)) {
          const err6 = { instancePath: instancePath + "/id", schemaPath: "#/properties/id/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_-]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_-]*$"', schema: "^[A-Za-z_][A-Za-z0-9_-]*$", parentSchema: schema8.properties.id, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/id", schemaPath: "#/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema8.properties.id.type, parentSchema: schema8.properties.id, data: data1 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.run !== void 0) {
      let data2 = data.run;
      if (typeof data2 === "string") {
        if (func1(data2) < 1) {
          const err8 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema8.properties.run, data: data2 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema8.properties.run.type, parentSchema: schema8.properties.run, data: data2 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.uses !== void 0) {
      let data3 = data.uses;
      if (typeof data3 === "string") {
        if (!pattern5.test(data3)) {
          const err10 = { instancePath: instancePath + "/uses", schemaPath: "#/properties/uses/pattern", keyword: "pattern", params: { pattern: "^builtin/[a-z0-9-]+$" }, message: 'must match pattern "^builtin/[a-z0-9-]+$"', schema: "^builtin/[a-z0-9-]+$", parentSchema: schema8.properties.uses, data: data3 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/uses", schemaPath: "#/properties/uses/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema8.properties.uses.type, parentSchema: schema8.properties.uses, data: data3 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.with !== void 0) {
      let data4 = data.with;
      if (!(data4 && typeof data4 == "object" && !Array.isArray(data4))) {
        const err12 = { instancePath: instancePath + "/with", schemaPath: "#/properties/with/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema8.properties.with.type, parentSchema: schema8.properties.with, data: data4 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.shell !== void 0) {
      let data5 = data.shell;
      const _errs19 = errors;
      let valid3 = false;
      const _errs20 = errors;
      if (!(data5 === "bash" || data5 === "sh" || data5 === "python" || data5 === "node" || data5 === "pwsh")) {
        const err13 = { instancePath: instancePath + "/shell", schemaPath: "#/$defs/shell/anyOf/0/enum", keyword: "enum", params: { allowedValues: schema9.anyOf[0].enum }, message: "must be equal to one of the allowed values", schema: schema9.anyOf[0].enum, parentSchema: schema9.anyOf[0], data: data5 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
      var _valid1 = _errs20 === errors;
      valid3 = valid3 || _valid1;
      const _errs21 = errors;
      if (typeof data5 === "string") {
        if (!pattern6.test(data5)) {
          const err14 = { instancePath: instancePath + "/shell", schemaPath: "#/$defs/shell/anyOf/1/pattern", keyword: "pattern", params: { pattern: "\\{0\\}" }, message: 'must match pattern "\\{0\\}"', schema: "\\{0\\}", parentSchema: schema9.anyOf[1], data: data5 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/shell", schemaPath: "#/$defs/shell/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema9.anyOf[1].type, parentSchema: schema9.anyOf[1], data: data5 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
      var _valid1 = _errs21 === errors;
      valid3 = valid3 || _valid1;
      if (!valid3) {
        const err16 = { instancePath: instancePath + "/shell", schemaPath: "#/$defs/shell/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema9.anyOf, parentSchema: schema9, data: data5 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      } else {
        errors = _errs19;
        if (vErrors !== null) {
          if (_errs19) {
            vErrors.length = _errs19;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.env !== void 0) {
      if (!validate5(data.env, { instancePath: instancePath + "/env", parentData: data, parentDataProperty: "env", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate5.errors : vErrors.concat(validate5.errors);
        errors = vErrors.length;
      }
    }
    if (data["working-directory"] !== void 0) {
      let data7 = data["working-directory"];
      if (typeof data7 === "string") {
        if (func1(data7) < 1) {
          const err17 = { instancePath: instancePath + "/working-directory", schemaPath: "#/$defs/workingDirectory/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema10, data: data7 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      } else {
        const err18 = { instancePath: instancePath + "/working-directory", schemaPath: "#/$defs/workingDirectory/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema10.type, parentSchema: schema10, data: data7 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data["timeout-minutes"] !== void 0) {
      let data8 = data["timeout-minutes"];
      if (typeof data8 == "number" && isFinite(data8)) {
        if (data8 <= 0 || isNaN(data8)) {
          const err19 = { instancePath: instancePath + "/timeout-minutes", schemaPath: "#/$defs/timeoutMinutes/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema11, data: data8 };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      } else {
        const err20 = { instancePath: instancePath + "/timeout-minutes", schemaPath: "#/$defs/timeoutMinutes/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.type, parentSchema: schema11, data: data8 };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.cache !== void 0) {
      let data9 = data.cache;
      if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
        if (data9.outputs === void 0) {
          const err21 = { instancePath: instancePath + "/cache", schemaPath: "#/$defs/stepCache/required", keyword: "required", params: { missingProperty: "outputs" }, message: "must have required property 'outputs'", schema: schema12.required, parentSchema: schema12, data: data9 };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
        for (const key1 in data9) {
          if (!(key1 === "outputs" || key1 === "data" || key1 === "files" || key1 === "env" || key1 === "params")) {
            const err22 = { instancePath: instancePath + "/cache", schemaPath: "#/$defs/stepCache/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data: data9 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        if (data9.outputs !== void 0) {
          let data10 = data9.outputs;
          if (Array.isArray(data10)) {
            if (data10.length < 1) {
              const err23 = { instancePath: instancePath + "/cache/outputs", schemaPath: "#/$defs/stepCache/properties/outputs/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema12.properties.outputs, data: data10 };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
            const len0 = data10.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data11 = data10[i0];
              if (typeof data11 === "string") {
                if (func1(data11) < 1) {
                  const err24 = { instancePath: instancePath + "/cache/outputs/" + i0, schemaPath: "#/$defs/stepCache/properties/outputs/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.outputs.items, data: data11 };
                  if (vErrors === null) {
                    vErrors = [err24];
                  } else {
                    vErrors.push(err24);
                  }
                  errors++;
                }
              } else {
                const err25 = { instancePath: instancePath + "/cache/outputs/" + i0, schemaPath: "#/$defs/stepCache/properties/outputs/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.outputs.items.type, parentSchema: schema12.properties.outputs.items, data: data11 };
                if (vErrors === null) {
                  vErrors = [err25];
                } else {
                  vErrors.push(err25);
                }
                errors++;
              }
            }
          } else {
            const err26 = { instancePath: instancePath + "/cache/outputs", schemaPath: "#/$defs/stepCache/properties/outputs/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema12.properties.outputs.type, parentSchema: schema12.properties.outputs, data: data10 };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
        if (data9.data !== void 0) {
          let data12 = data9.data;
          if (Array.isArray(data12)) {
            const len1 = data12.length;
            for (let i1 = 0; i1 < len1; i1++) {
              let data13 = data12[i1];
              if (typeof data13 === "string") {
                if (func1(data13) < 1) {
                  const err27 = { instancePath: instancePath + "/cache/data/" + i1, schemaPath: "#/$defs/stepCache/properties/data/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.data.items, data: data13 };
                  if (vErrors === null) {
                    vErrors = [err27];
                  } else {
                    vErrors.push(err27);
                  }
                  errors++;
                }
              } else {
                const err28 = { instancePath: instancePath + "/cache/data/" + i1, schemaPath: "#/$defs/stepCache/properties/data/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.data.items.type, parentSchema: schema12.properties.data.items, data: data13 };
                if (vErrors === null) {
                  vErrors = [err28];
                } else {
                  vErrors.push(err28);
                }
                errors++;
              }
            }
          } else {
            const err29 = { instancePath: instancePath + "/cache/data", schemaPath: "#/$defs/stepCache/properties/data/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema12.properties.data.type, parentSchema: schema12.properties.data, data: data12 };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
        if (data9.files !== void 0) {
          let data14 = data9.files;
          if (Array.isArray(data14)) {
            const len2 = data14.length;
            for (let i2 = 0; i2 < len2; i2++) {
              let data15 = data14[i2];
              if (typeof data15 === "string") {
                if (func1(data15) < 1) {
                  const err30 = { instancePath: instancePath + "/cache/files/" + i2, schemaPath: "#/$defs/stepCache/properties/files/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.files.items, data: data15 };
                  if (vErrors === null) {
                    vErrors = [err30];
                  } else {
                    vErrors.push(err30);
                  }
                  errors++;
                }
              } else {
                const err31 = { instancePath: instancePath + "/cache/files/" + i2, schemaPath: "#/$defs/stepCache/properties/files/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.files.items.type, parentSchema: schema12.properties.files.items, data: data15 };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            }
          } else {
            const err32 = { instancePath: instancePath + "/cache/files", schemaPath: "#/$defs/stepCache/properties/files/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema12.properties.files.type, parentSchema: schema12.properties.files, data: data14 };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
        }
        if (data9.env !== void 0) {
          let data16 = data9.env;
          if (Array.isArray(data16)) {
            const len3 = data16.length;
            for (let i3 = 0; i3 < len3; i3++) {
              let data17 = data16[i3];
              if (typeof data17 === "string") {
                if (!pattern3.test(data17)) {
                  const err33 = { instancePath: instancePath + "/cache/env/" + i3, schemaPath: "#/$defs/stepCache/properties/env/items/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"', schema: "^[A-Za-z_][A-Za-z0-9_]*$", parentSchema: schema12.properties.env.items, data: data17 };
                  if (vErrors === null) {
                    vErrors = [err33];
                  } else {
                    vErrors.push(err33);
                  }
                  errors++;
                }
              } else {
                const err34 = { instancePath: instancePath + "/cache/env/" + i3, schemaPath: "#/$defs/stepCache/properties/env/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.env.items.type, parentSchema: schema12.properties.env.items, data: data17 };
                if (vErrors === null) {
                  vErrors = [err34];
                } else {
                  vErrors.push(err34);
                }
                errors++;
              }
            }
          } else {
            const err35 = { instancePath: instancePath + "/cache/env", schemaPath: "#/$defs/stepCache/properties/env/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema12.properties.env.type, parentSchema: schema12.properties.env, data: data16 };
            if (vErrors === null) {
              vErrors = [err35];
            } else {
              vErrors.push(err35);
            }
            errors++;
          }
        }
        if (data9.params !== void 0) {
          let data18 = data9.params;
          if (Array.isArray(data18)) {
            const len4 = data18.length;
            for (let i4 = 0; i4 < len4; i4++) {
              let data19 = data18[i4];
              if (typeof data19 === "string") {
                if (func1(data19) < 1) {
                  const err36 = { instancePath: instancePath + "/cache/params/" + i4, schemaPath: "#/$defs/stepCache/properties/params/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.params.items, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err36];
                  } else {
                    vErrors.push(err36);
                  }
                  errors++;
                }
              } else {
                const err37 = { instancePath: instancePath + "/cache/params/" + i4, schemaPath: "#/$defs/stepCache/properties/params/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.params.items.type, parentSchema: schema12.properties.params.items, data: data19 };
                if (vErrors === null) {
                  vErrors = [err37];
                } else {
                  vErrors.push(err37);
                }
                errors++;
              }
            }
          } else {
            const err38 = { instancePath: instancePath + "/cache/params", schemaPath: "#/$defs/stepCache/properties/params/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema12.properties.params.type, parentSchema: schema12.properties.params, data: data18 };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
      } else {
        const err39 = { instancePath: instancePath + "/cache", schemaPath: "#/$defs/stepCache/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.type, parentSchema: schema12, data: data9 };
        if (vErrors === null) {
          vErrors = [err39];
        } else {
          vErrors.push(err39);
        }
        errors++;
      }
    }
    if (data.with !== void 0) {
      if (data.uses === void 0) {
        const err40 = { instancePath, schemaPath: "#/dependentRequired", keyword: "dependentRequired", params: {
          property: "with",
          missingProperty: "uses",
          depsCount: 1,
          deps: "uses"
        }, message: "must have property uses when property with is present", schema: schema8.dependentRequired, parentSchema: schema8, data };
        if (vErrors === null) {
          vErrors = [err40];
        } else {
          vErrors.push(err40);
        }
        errors++;
      }
    }
  } else {
    const err41 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema8.type, parentSchema: schema8, data };
    if (vErrors === null) {
      vErrors = [err41];
    } else {
      vErrors.push(err41);
    }
    errors++;
  }
  validate7.errors = vErrors;
  return errors === 0;
}
validate7.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema13 = { "description": "The command that evaluates a model; it runs for the candidate and for the champion with the same data.", "type": "object", "additionalProperties": false, "required": ["run", "data"], "properties": { "run": { "description": "The script. It reads the model under evaluation and writes metrics where the environment says.", "type": "string", "minLength": 1 }, "data": { "description": "The data input (or list of inputs) holding the evaluation data; each must be declared under data.", "anyOf": [{ "title": "a data input name", "type": "string", "minLength": 1 }, { "title": "a list of data input names", "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }] }, "shell": { "$ref": "#/$defs/shell" }, "env": { "description": "Environment variables for evaluate, added to the spec's env. Values may hold ${{ }} expressions.", "$ref": "#/$defs/env" }, "working-directory": { "$ref": "#/$defs/workingDirectory" }, "timeout-minutes": { "$ref": "#/$defs/timeoutMinutes" }, "predictions": { "$ref": "#/$defs/predictions" }, "bootstrap": { "description": "The paired bootstrap behind confidence and slice rules: resamples examples (or groups, with a group column) jointly for both models.", "type": "object", "additionalProperties": false, "properties": { "resamples": { "description": "Number of resamples (default 1000).", "type": "integer", "minimum": 100, "maximum": 1e5 }, "seed": { "description": "Seed of the resampling (default 0); part of the spec, so of its digest.", "type": "integer", "minimum": 0, "maximum": 4294967295 }, "interval": { "description": "bca (default): bias-corrected and accelerated; percentile: plain percentile bounds.", "enum": ["bca", "percentile"] } } } } };
var schema17 = { "description": "Per-example predictions the evaluate command writes at $RETRAIN_PREDICTIONS_FILE for each model; metrics with `compute`, confidence rules and slice rules are computed from them.", "type": "object", "additionalProperties": false, "properties": { "format": { "description": "File format of the predictions: CSV with a header row (default) or JSON Lines.", "enum": ["csv", "jsonl"] }, "task": { "description": "What the labels are: binary (0/1, or the two classes), multiclass, or regression (numbers). Needed by computed metrics.", "enum": ["binary", "multiclass", "regression"] }, "id": { "description": "Column holding the example id (default id). Both models' files must hold the same ids.", "type": "string", "minLength": 1 }, "label": { "description": "Column holding the true label (default label).", "type": "string", "minLength": 1 }, "prediction": { "description": "Column holding the predicted class or value (default prediction).", "type": "string", "minLength": 1 }, "score": { "description": "Binary: column holding the positive class's score or probability (default score).", "type": "string", "minLength": 1 }, "probability-prefix": { "description": "Multiclass: class probabilities are in the columns named this prefix plus the class (default proba_, as proba_cat).", "type": "string", "minLength": 1 }, "classes": { "description": "Binary: [negative, positive] (default [0, 1]); multiclass: every class (default: from the probability columns).", "type": "array", "minItems": 2, "items": { "type": ["string", "number", "boolean"] } }, "group": { "description": "Column holding the group (user, session) the bootstrap resamples.", "type": "string", "minLength": 1 }, "slices": { "description": "Columns whose values define slices.", "type": "array", "items": { "type": "string", "minLength": 1 } } } };
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate10.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.run === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "run" }, message: "must have required property 'run'", schema: schema13.required, parentSchema: schema13, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.data === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "data" }, message: "must have required property 'data'", schema: schema13.required, parentSchema: schema13, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "run" || key0 === "data" || key0 === "shell" || key0 === "env" || key0 === "working-directory" || key0 === "timeout-minutes" || key0 === "predictions" || key0 === "bootstrap")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema13, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.run !== void 0) {
      let data0 = data.run;
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err3 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema13.properties.run, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.run.type, parentSchema: schema13.properties.run, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.data !== void 0) {
      let data1 = data.data;
      const _errs5 = errors;
      let valid1 = false;
      const _errs6 = errors;
      if (typeof data1 === "string") {
        if (func1(data1) < 1) {
          const err5 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/anyOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema13.properties.data.anyOf[0], data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.data.anyOf[0].type, parentSchema: schema13.properties.data.anyOf[0], data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      var _valid0 = _errs6 === errors;
      valid1 = valid1 || _valid0;
      const _errs8 = errors;
      if (Array.isArray(data1)) {
        if (data1.length < 1) {
          const err7 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/anyOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema13.properties.data.anyOf[1], data: data1 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data2 = data1[i0];
          if (typeof data2 === "string") {
            if (func1(data2) < 1) {
              const err8 = { instancePath: instancePath + "/data/" + i0, schemaPath: "#/properties/data/anyOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema13.properties.data.anyOf[1].items, data: data2 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          } else {
            const err9 = { instancePath: instancePath + "/data/" + i0, schemaPath: "#/properties/data/anyOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.data.anyOf[1].items.type, parentSchema: schema13.properties.data.anyOf[1].items, data: data2 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
      } else {
        const err10 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema13.properties.data.anyOf[1].type, parentSchema: schema13.properties.data.anyOf[1], data: data1 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
      var _valid0 = _errs8 === errors;
      valid1 = valid1 || _valid0;
      if (!valid1) {
        const err11 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema13.properties.data.anyOf, parentSchema: schema13.properties.data, data: data1 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      } else {
        errors = _errs5;
        if (vErrors !== null) {
          if (_errs5) {
            vErrors.length = _errs5;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.shell !== void 0) {
      let data3 = data.shell;
      const _errs14 = errors;
      let valid5 = false;
      const _errs15 = errors;
      if (!(data3 === "bash" || data3 === "sh" || data3 === "python" || data3 === "node" || data3 === "pwsh")) {
        const err12 = { instancePath: instancePath + "/shell", schemaPath: "#/$defs/shell/anyOf/0/enum", keyword: "enum", params: { allowedValues: schema9.anyOf[0].enum }, message: "must be equal to one of the allowed values", schema: schema9.anyOf[0].enum, parentSchema: schema9.anyOf[0], data: data3 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
      var _valid1 = _errs15 === errors;
      valid5 = valid5 || _valid1;
      const _errs16 = errors;
      if (typeof data3 === "string") {
        if (!pattern6.test(data3)) {
          const err13 = { instancePath: instancePath + "/shell", schemaPath: "#/$defs/shell/anyOf/1/pattern", keyword: "pattern", params: { pattern: "\\{0\\}" }, message: 'must match pattern "\\{0\\}"', schema: "\\{0\\}", parentSchema: schema9.anyOf[1], data: data3 };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = { instancePath: instancePath + "/shell", schemaPath: "#/$defs/shell/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema9.anyOf[1].type, parentSchema: schema9.anyOf[1], data: data3 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
      var _valid1 = _errs16 === errors;
      valid5 = valid5 || _valid1;
      if (!valid5) {
        const err15 = { instancePath: instancePath + "/shell", schemaPath: "#/$defs/shell/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema9.anyOf, parentSchema: schema9, data: data3 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      } else {
        errors = _errs14;
        if (vErrors !== null) {
          if (_errs14) {
            vErrors.length = _errs14;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.env !== void 0) {
      if (!validate5(data.env, { instancePath: instancePath + "/env", parentData: data, parentDataProperty: "env", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate5.errors : vErrors.concat(validate5.errors);
        errors = vErrors.length;
      }
    }
    if (data["working-directory"] !== void 0) {
      let data5 = data["working-directory"];
      if (typeof data5 === "string") {
        if (func1(data5) < 1) {
          const err16 = { instancePath: instancePath + "/working-directory", schemaPath: "#/$defs/workingDirectory/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema10, data: data5 };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      } else {
        const err17 = { instancePath: instancePath + "/working-directory", schemaPath: "#/$defs/workingDirectory/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema10.type, parentSchema: schema10, data: data5 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data["timeout-minutes"] !== void 0) {
      let data6 = data["timeout-minutes"];
      if (typeof data6 == "number" && isFinite(data6)) {
        if (data6 <= 0 || isNaN(data6)) {
          const err18 = { instancePath: instancePath + "/timeout-minutes", schemaPath: "#/$defs/timeoutMinutes/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema11, data: data6 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      } else {
        const err19 = { instancePath: instancePath + "/timeout-minutes", schemaPath: "#/$defs/timeoutMinutes/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.type, parentSchema: schema11, data: data6 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.predictions !== void 0) {
      let data7 = data.predictions;
      if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
        for (const key1 in data7) {
          if (!func0.call(schema17.properties, key1)) {
            const err20 = { instancePath: instancePath + "/predictions", schemaPath: "#/$defs/predictions/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17, data: data7 };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data7.format !== void 0) {
          let data8 = data7.format;
          if (!(data8 === "csv" || data8 === "jsonl")) {
            const err21 = { instancePath: instancePath + "/predictions/format", schemaPath: "#/$defs/predictions/properties/format/enum", keyword: "enum", params: { allowedValues: schema17.properties.format.enum }, message: "must be equal to one of the allowed values", schema: schema17.properties.format.enum, parentSchema: schema17.properties.format, data: data8 };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data7.task !== void 0) {
          let data9 = data7.task;
          if (!(data9 === "binary" || data9 === "multiclass" || data9 === "regression")) {
            const err22 = { instancePath: instancePath + "/predictions/task", schemaPath: "#/$defs/predictions/properties/task/enum", keyword: "enum", params: { allowedValues: schema17.properties.task.enum }, message: "must be equal to one of the allowed values", schema: schema17.properties.task.enum, parentSchema: schema17.properties.task, data: data9 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        if (data7.id !== void 0) {
          let data10 = data7.id;
          if (typeof data10 === "string") {
            if (func1(data10) < 1) {
              const err23 = { instancePath: instancePath + "/predictions/id", schemaPath: "#/$defs/predictions/properties/id/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema17.properties.id, data: data10 };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          } else {
            const err24 = { instancePath: instancePath + "/predictions/id", schemaPath: "#/$defs/predictions/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.id.type, parentSchema: schema17.properties.id, data: data10 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        if (data7.label !== void 0) {
          let data11 = data7.label;
          if (typeof data11 === "string") {
            if (func1(data11) < 1) {
              const err25 = { instancePath: instancePath + "/predictions/label", schemaPath: "#/$defs/predictions/properties/label/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema17.properties.label, data: data11 };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
          } else {
            const err26 = { instancePath: instancePath + "/predictions/label", schemaPath: "#/$defs/predictions/properties/label/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.label.type, parentSchema: schema17.properties.label, data: data11 };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
        if (data7.prediction !== void 0) {
          let data12 = data7.prediction;
          if (typeof data12 === "string") {
            if (func1(data12) < 1) {
              const err27 = { instancePath: instancePath + "/predictions/prediction", schemaPath: "#/$defs/predictions/properties/prediction/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema17.properties.prediction, data: data12 };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
          } else {
            const err28 = { instancePath: instancePath + "/predictions/prediction", schemaPath: "#/$defs/predictions/properties/prediction/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.prediction.type, parentSchema: schema17.properties.prediction, data: data12 };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
        if (data7.score !== void 0) {
          let data13 = data7.score;
          if (typeof data13 === "string") {
            if (func1(data13) < 1) {
              const err29 = { instancePath: instancePath + "/predictions/score", schemaPath: "#/$defs/predictions/properties/score/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema17.properties.score, data: data13 };
              if (vErrors === null) {
                vErrors = [err29];
              } else {
                vErrors.push(err29);
              }
              errors++;
            }
          } else {
            const err30 = { instancePath: instancePath + "/predictions/score", schemaPath: "#/$defs/predictions/properties/score/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.score.type, parentSchema: schema17.properties.score, data: data13 };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
        if (data7["probability-prefix"] !== void 0) {
          let data14 = data7["probability-prefix"];
          if (typeof data14 === "string") {
            if (func1(data14) < 1) {
              const err31 = { instancePath: instancePath + "/predictions/probability-prefix", schemaPath: "#/$defs/predictions/properties/probability-prefix/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema17.properties["probability-prefix"], data: data14 };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
          } else {
            const err32 = { instancePath: instancePath + "/predictions/probability-prefix", schemaPath: "#/$defs/predictions/properties/probability-prefix/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties["probability-prefix"].type, parentSchema: schema17.properties["probability-prefix"], data: data14 };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
        }
        if (data7.classes !== void 0) {
          let data15 = data7.classes;
          if (Array.isArray(data15)) {
            if (data15.length < 2) {
              const err33 = { instancePath: instancePath + "/predictions/classes", schemaPath: "#/$defs/predictions/properties/classes/minItems", keyword: "minItems", params: { limit: 2 }, message: "must NOT have fewer than 2 items", schema: 2, parentSchema: schema17.properties.classes, data: data15 };
              if (vErrors === null) {
                vErrors = [err33];
              } else {
                vErrors.push(err33);
              }
              errors++;
            }
            const len1 = data15.length;
            for (let i1 = 0; i1 < len1; i1++) {
              let data16 = data15[i1];
              if (typeof data16 !== "string" && !(typeof data16 == "number" && isFinite(data16)) && typeof data16 !== "boolean") {
                const err34 = { instancePath: instancePath + "/predictions/classes/" + i1, schemaPath: "#/$defs/predictions/properties/classes/items/type", keyword: "type", params: { type: schema17.properties.classes.items.type }, message: "must be string,number,boolean", schema: schema17.properties.classes.items.type, parentSchema: schema17.properties.classes.items, data: data16 };
                if (vErrors === null) {
                  vErrors = [err34];
                } else {
                  vErrors.push(err34);
                }
                errors++;
              }
            }
          } else {
            const err35 = { instancePath: instancePath + "/predictions/classes", schemaPath: "#/$defs/predictions/properties/classes/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema17.properties.classes.type, parentSchema: schema17.properties.classes, data: data15 };
            if (vErrors === null) {
              vErrors = [err35];
            } else {
              vErrors.push(err35);
            }
            errors++;
          }
        }
        if (data7.group !== void 0) {
          let data17 = data7.group;
          if (typeof data17 === "string") {
            if (func1(data17) < 1) {
              const err36 = { instancePath: instancePath + "/predictions/group", schemaPath: "#/$defs/predictions/properties/group/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema17.properties.group, data: data17 };
              if (vErrors === null) {
                vErrors = [err36];
              } else {
                vErrors.push(err36);
              }
              errors++;
            }
          } else {
            const err37 = { instancePath: instancePath + "/predictions/group", schemaPath: "#/$defs/predictions/properties/group/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.group.type, parentSchema: schema17.properties.group, data: data17 };
            if (vErrors === null) {
              vErrors = [err37];
            } else {
              vErrors.push(err37);
            }
            errors++;
          }
        }
        if (data7.slices !== void 0) {
          let data18 = data7.slices;
          if (Array.isArray(data18)) {
            const len2 = data18.length;
            for (let i2 = 0; i2 < len2; i2++) {
              let data19 = data18[i2];
              if (typeof data19 === "string") {
                if (func1(data19) < 1) {
                  const err38 = { instancePath: instancePath + "/predictions/slices/" + i2, schemaPath: "#/$defs/predictions/properties/slices/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema17.properties.slices.items, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err38];
                  } else {
                    vErrors.push(err38);
                  }
                  errors++;
                }
              } else {
                const err39 = { instancePath: instancePath + "/predictions/slices/" + i2, schemaPath: "#/$defs/predictions/properties/slices/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.slices.items.type, parentSchema: schema17.properties.slices.items, data: data19 };
                if (vErrors === null) {
                  vErrors = [err39];
                } else {
                  vErrors.push(err39);
                }
                errors++;
              }
            }
          } else {
            const err40 = { instancePath: instancePath + "/predictions/slices", schemaPath: "#/$defs/predictions/properties/slices/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema17.properties.slices.type, parentSchema: schema17.properties.slices, data: data18 };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
      } else {
        const err41 = { instancePath: instancePath + "/predictions", schemaPath: "#/$defs/predictions/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.type, parentSchema: schema17, data: data7 };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      }
    }
    if (data.bootstrap !== void 0) {
      let data20 = data.bootstrap;
      if (data20 && typeof data20 == "object" && !Array.isArray(data20)) {
        for (const key2 in data20) {
          if (!(key2 === "resamples" || key2 === "seed" || key2 === "interval")) {
            const err42 = { instancePath: instancePath + "/bootstrap", schemaPath: "#/properties/bootstrap/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema13.properties.bootstrap, data: data20 };
            if (vErrors === null) {
              vErrors = [err42];
            } else {
              vErrors.push(err42);
            }
            errors++;
          }
        }
        if (data20.resamples !== void 0) {
          let data21 = data20.resamples;
          if (!(typeof data21 == "number" && (!(data21 % 1) && !isNaN(data21)) && isFinite(data21))) {
            const err43 = { instancePath: instancePath + "/bootstrap/resamples", schemaPath: "#/properties/bootstrap/properties/resamples/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema13.properties.bootstrap.properties.resamples.type, parentSchema: schema13.properties.bootstrap.properties.resamples, data: data21 };
            if (vErrors === null) {
              vErrors = [err43];
            } else {
              vErrors.push(err43);
            }
            errors++;
          }
          if (typeof data21 == "number" && isFinite(data21)) {
            if (data21 > 1e5 || isNaN(data21)) {
              const err44 = { instancePath: instancePath + "/bootstrap/resamples", schemaPath: "#/properties/bootstrap/properties/resamples/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e5 }, message: "must be <= 100000", schema: 1e5, parentSchema: schema13.properties.bootstrap.properties.resamples, data: data21 };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
            if (data21 < 100 || isNaN(data21)) {
              const err45 = { instancePath: instancePath + "/bootstrap/resamples", schemaPath: "#/properties/bootstrap/properties/resamples/minimum", keyword: "minimum", params: { comparison: ">=", limit: 100 }, message: "must be >= 100", schema: 100, parentSchema: schema13.properties.bootstrap.properties.resamples, data: data21 };
              if (vErrors === null) {
                vErrors = [err45];
              } else {
                vErrors.push(err45);
              }
              errors++;
            }
          }
        }
        if (data20.seed !== void 0) {
          let data22 = data20.seed;
          if (!(typeof data22 == "number" && (!(data22 % 1) && !isNaN(data22)) && isFinite(data22))) {
            const err46 = { instancePath: instancePath + "/bootstrap/seed", schemaPath: "#/properties/bootstrap/properties/seed/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema13.properties.bootstrap.properties.seed.type, parentSchema: schema13.properties.bootstrap.properties.seed, data: data22 };
            if (vErrors === null) {
              vErrors = [err46];
            } else {
              vErrors.push(err46);
            }
            errors++;
          }
          if (typeof data22 == "number" && isFinite(data22)) {
            if (data22 > 4294967295 || isNaN(data22)) {
              const err47 = { instancePath: instancePath + "/bootstrap/seed", schemaPath: "#/properties/bootstrap/properties/seed/maximum", keyword: "maximum", params: { comparison: "<=", limit: 4294967295 }, message: "must be <= 4294967295", schema: 4294967295, parentSchema: schema13.properties.bootstrap.properties.seed, data: data22 };
              if (vErrors === null) {
                vErrors = [err47];
              } else {
                vErrors.push(err47);
              }
              errors++;
            }
            if (data22 < 0 || isNaN(data22)) {
              const err48 = { instancePath: instancePath + "/bootstrap/seed", schemaPath: "#/properties/bootstrap/properties/seed/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema13.properties.bootstrap.properties.seed, data: data22 };
              if (vErrors === null) {
                vErrors = [err48];
              } else {
                vErrors.push(err48);
              }
              errors++;
            }
          }
        }
        if (data20.interval !== void 0) {
          let data23 = data20.interval;
          if (!(data23 === "bca" || data23 === "percentile")) {
            const err49 = { instancePath: instancePath + "/bootstrap/interval", schemaPath: "#/properties/bootstrap/properties/interval/enum", keyword: "enum", params: { allowedValues: schema13.properties.bootstrap.properties.interval.enum }, message: "must be equal to one of the allowed values", schema: schema13.properties.bootstrap.properties.interval.enum, parentSchema: schema13.properties.bootstrap.properties.interval, data: data23 };
            if (vErrors === null) {
              vErrors = [err49];
            } else {
              vErrors.push(err49);
            }
            errors++;
          }
        }
      } else {
        const err50 = { instancePath: instancePath + "/bootstrap", schemaPath: "#/properties/bootstrap/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.properties.bootstrap.type, parentSchema: schema13.properties.bootstrap, data: data20 };
        if (vErrors === null) {
          vErrors = [err50];
        } else {
          vErrors.push(err50);
        }
        errors++;
      }
    }
  } else {
    const err51 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data };
    if (vErrors === null) {
      vErrors = [err51];
    } else {
      vErrors.push(err51);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
validate10.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema18 = { "description": "A metric the evaluate command reports.", "type": "object", "additionalProperties": false, "required": ["goal"], "properties": { "goal": { "description": "Whether larger (maximize) or smaller (minimize) values are better.", "enum": ["maximize", "minimize"] }, "compute": { "description": "Computed by the action from both models' predictions (evaluate.predictions), instead of read from the metrics file.", "enum": ["accuracy", "precision", "recall", "f1", "precision-macro", "recall-macro", "f1-macro", "precision-weighted", "recall-weighted", "f1-weighted", "roc-auc", "average-precision", "log-loss", "brier", "rmse", "mae", "mape", "r2"] }, "min": { "description": "The candidate's value must be at least this, on every run (the first included).", "type": "number" }, "max": { "description": "The candidate's value must be at most this, on every run (the first included).", "type": "number" }, "change": { "description": "Rules on the change against the baseline; all must pass.", "type": "array", "items": { "$ref": "#/$defs/changeRule" } }, "slices": { "description": "No slice (a value of a column in evaluate.predictions.slices) regresses, on evidence, by more than max-regression. Needs a metric with compute.", "type": "object", "additionalProperties": false, "required": ["max-regression"], "properties": { "max-regression": { "description": "A slice fails when its improvement's upper bound is below minus this (Holm-corrected across slices).", "type": "number", "minimum": 0 }, "min-size": { "description": "Slices with a smaller effective size (examples; for AUC the smaller class; groups with a group column) are reported, not judged. Default 30.", "type": "integer", "minimum": 1 }, "confidence": { "description": "Family-wise confidence across slices (default 0.95).", "type": "number", "exclusiveMinimum": 0.5, "exclusiveMaximum": 1 } } } } };
var schema19 = { "description": "A rule on the improvement over the baseline; exactly one of margin or relative-margin.", "type": "object", "additionalProperties": false, "oneOf": [{ "title": "margin", "required": ["margin"] }, { "title": "relative-margin", "required": ["relative-margin"] }], "properties": { "margin": { "description": "The improvement must exceed this (>= 0: must improve by more than it; < 0: may regress by at most its size).", "type": "number" }, "relative-margin": { "description": "As margin, on the improvement divided by |baseline|.", "type": "number" }, "confidence": { "description": "The one-sided lower bound of the improvement at this confidence, under a paired bootstrap, must clear the margin (not the point estimate). Needs a metric with compute.", "type": "number", "exclusiveMinimum": 0.5, "exclusiveMaximum": 1 }, "against": { "description": "Compare with the champion (default) or with a pinned version, evaluated too, so non-inferiority margins cannot compound over generations.", "anyOf": [{ "title": "champion", "const": "champion" }, { "title": "a version number >= 1", "type": "integer", "minimum": 1 }], "default": "champion" } } };
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate13.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.goal === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "goal" }, message: "must have required property 'goal'", schema: schema18.required, parentSchema: schema18, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "goal" || key0 === "compute" || key0 === "min" || key0 === "max" || key0 === "change" || key0 === "slices")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema18, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.goal !== void 0) {
      let data0 = data.goal;
      if (!(data0 === "maximize" || data0 === "minimize")) {
        const err2 = { instancePath: instancePath + "/goal", schemaPath: "#/properties/goal/enum", keyword: "enum", params: { allowedValues: schema18.properties.goal.enum }, message: "must be equal to one of the allowed values", schema: schema18.properties.goal.enum, parentSchema: schema18.properties.goal, data: data0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.compute !== void 0) {
      let data1 = data.compute;
      if (!(data1 === "accuracy" || data1 === "precision" || data1 === "recall" || data1 === "f1" || data1 === "precision-macro" || data1 === "recall-macro" || data1 === "f1-macro" || data1 === "precision-weighted" || data1 === "recall-weighted" || data1 === "f1-weighted" || data1 === "roc-auc" || data1 === "average-precision" || data1 === "log-loss" || data1 === "brier" || data1 === "rmse" || data1 === "mae" || data1 === "mape" || data1 === "r2")) {
        const err3 = { instancePath: instancePath + "/compute", schemaPath: "#/properties/compute/enum", keyword: "enum", params: { allowedValues: schema18.properties.compute.enum }, message: "must be equal to one of the allowed values", schema: schema18.properties.compute.enum, parentSchema: schema18.properties.compute, data: data1 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.min !== void 0) {
      let data2 = data.min;
      if (!(typeof data2 == "number" && isFinite(data2))) {
        const err4 = { instancePath: instancePath + "/min", schemaPath: "#/properties/min/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema18.properties.min.type, parentSchema: schema18.properties.min, data: data2 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.max !== void 0) {
      let data3 = data.max;
      if (!(typeof data3 == "number" && isFinite(data3))) {
        const err5 = { instancePath: instancePath + "/max", schemaPath: "#/properties/max/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema18.properties.max.type, parentSchema: schema18.properties.max, data: data3 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.change !== void 0) {
      let data4 = data.change;
      if (Array.isArray(data4)) {
        const len0 = data4.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data5 = data4[i0];
          const _errs13 = errors;
          let valid4 = false;
          let passing0 = null;
          const _errs14 = errors;
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            if (data5.margin === void 0) {
              const err6 = { instancePath: instancePath + "/change/" + i0, schemaPath: "#/$defs/changeRule/oneOf/0/required", keyword: "required", params: { missingProperty: "margin" }, message: "must have required property 'margin'", schema: schema19.oneOf[0].required, parentSchema: schema19.oneOf[0], data: data5 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
          }
          var _valid0 = _errs14 === errors;
          if (_valid0) {
            valid4 = true;
            passing0 = 0;
          }
          const _errs15 = errors;
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            if (data5["relative-margin"] === void 0) {
              const err7 = { instancePath: instancePath + "/change/" + i0, schemaPath: "#/$defs/changeRule/oneOf/1/required", keyword: "required", params: { missingProperty: "relative-margin" }, message: "must have required property 'relative-margin'", schema: schema19.oneOf[1].required, parentSchema: schema19.oneOf[1], data: data5 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          }
          var _valid0 = _errs15 === errors;
          if (_valid0 && valid4) {
            valid4 = false;
            passing0 = [passing0, 1];
          } else {
            if (_valid0) {
              valid4 = true;
              passing0 = 1;
            }
          }
          if (!valid4) {
            const err8 = { instancePath: instancePath + "/change/" + i0, schemaPath: "#/$defs/changeRule/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema19.oneOf, parentSchema: schema19, data: data5 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          } else {
            errors = _errs13;
            if (vErrors !== null) {
              if (_errs13) {
                vErrors.length = _errs13;
              } else {
                vErrors = null;
              }
            }
          }
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            for (const key1 in data5) {
              if (!(key1 === "margin" || key1 === "relative-margin" || key1 === "confidence" || key1 === "against")) {
                const err9 = { instancePath: instancePath + "/change/" + i0, schemaPath: "#/$defs/changeRule/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema19, data: data5 };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
            }
            if (data5.margin !== void 0) {
              let data6 = data5.margin;
              if (!(typeof data6 == "number" && isFinite(data6))) {
                const err10 = { instancePath: instancePath + "/change/" + i0 + "/margin", schemaPath: "#/$defs/changeRule/properties/margin/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema19.properties.margin.type, parentSchema: schema19.properties.margin, data: data6 };
                if (vErrors === null) {
                  vErrors = [err10];
                } else {
                  vErrors.push(err10);
                }
                errors++;
              }
            }
            if (data5["relative-margin"] !== void 0) {
              let data7 = data5["relative-margin"];
              if (!(typeof data7 == "number" && isFinite(data7))) {
                const err11 = { instancePath: instancePath + "/change/" + i0 + "/relative-margin", schemaPath: "#/$defs/changeRule/properties/relative-margin/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema19.properties["relative-margin"].type, parentSchema: schema19.properties["relative-margin"], data: data7 };
                if (vErrors === null) {
                  vErrors = [err11];
                } else {
                  vErrors.push(err11);
                }
                errors++;
              }
            }
            if (data5.confidence !== void 0) {
              let data8 = data5.confidence;
              if (typeof data8 == "number" && isFinite(data8)) {
                if (data8 >= 1 || isNaN(data8)) {
                  const err12 = { instancePath: instancePath + "/change/" + i0 + "/confidence", schemaPath: "#/$defs/changeRule/properties/confidence/exclusiveMaximum", keyword: "exclusiveMaximum", params: { comparison: "<", limit: 1 }, message: "must be < 1", schema: 1, parentSchema: schema19.properties.confidence, data: data8 };
                  if (vErrors === null) {
                    vErrors = [err12];
                  } else {
                    vErrors.push(err12);
                  }
                  errors++;
                }
                if (data8 <= 0.5 || isNaN(data8)) {
                  const err13 = { instancePath: instancePath + "/change/" + i0 + "/confidence", schemaPath: "#/$defs/changeRule/properties/confidence/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0.5 }, message: "must be > 0.5", schema: 0.5, parentSchema: schema19.properties.confidence, data: data8 };
                  if (vErrors === null) {
                    vErrors = [err13];
                  } else {
                    vErrors.push(err13);
                  }
                  errors++;
                }
              } else {
                const err14 = { instancePath: instancePath + "/change/" + i0 + "/confidence", schemaPath: "#/$defs/changeRule/properties/confidence/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema19.properties.confidence.type, parentSchema: schema19.properties.confidence, data: data8 };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
            }
            if (data5.against !== void 0) {
              let data9 = data5.against;
              const _errs24 = errors;
              let valid6 = false;
              const _errs25 = errors;
              if ("champion" !== data9) {
                const err15 = { instancePath: instancePath + "/change/" + i0 + "/against", schemaPath: "#/$defs/changeRule/properties/against/anyOf/0/const", keyword: "const", params: { allowedValue: "champion" }, message: "must be equal to constant", schema: "champion", parentSchema: schema19.properties.against.anyOf[0], data: data9 };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
              var _valid1 = _errs25 === errors;
              valid6 = valid6 || _valid1;
              const _errs26 = errors;
              if (!(typeof data9 == "number" && (!(data9 % 1) && !isNaN(data9)) && isFinite(data9))) {
                const err16 = { instancePath: instancePath + "/change/" + i0 + "/against", schemaPath: "#/$defs/changeRule/properties/against/anyOf/1/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema19.properties.against.anyOf[1].type, parentSchema: schema19.properties.against.anyOf[1], data: data9 };
                if (vErrors === null) {
                  vErrors = [err16];
                } else {
                  vErrors.push(err16);
                }
                errors++;
              }
              if (typeof data9 == "number" && isFinite(data9)) {
                if (data9 < 1 || isNaN(data9)) {
                  const err17 = { instancePath: instancePath + "/change/" + i0 + "/against", schemaPath: "#/$defs/changeRule/properties/against/anyOf/1/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema19.properties.against.anyOf[1], data: data9 };
                  if (vErrors === null) {
                    vErrors = [err17];
                  } else {
                    vErrors.push(err17);
                  }
                  errors++;
                }
              }
              var _valid1 = _errs26 === errors;
              valid6 = valid6 || _valid1;
              if (!valid6) {
                const err18 = { instancePath: instancePath + "/change/" + i0 + "/against", schemaPath: "#/$defs/changeRule/properties/against/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema19.properties.against.anyOf, parentSchema: schema19.properties.against, data: data9 };
                if (vErrors === null) {
                  vErrors = [err18];
                } else {
                  vErrors.push(err18);
                }
                errors++;
              } else {
                errors = _errs24;
                if (vErrors !== null) {
                  if (_errs24) {
                    vErrors.length = _errs24;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
          } else {
            const err19 = { instancePath: instancePath + "/change/" + i0, schemaPath: "#/$defs/changeRule/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema19.type, parentSchema: schema19, data: data5 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
      } else {
        const err20 = { instancePath: instancePath + "/change", schemaPath: "#/properties/change/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema18.properties.change.type, parentSchema: schema18.properties.change, data: data4 };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.slices !== void 0) {
      let data10 = data.slices;
      if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
        if (data10["max-regression"] === void 0) {
          const err21 = { instancePath: instancePath + "/slices", schemaPath: "#/properties/slices/required", keyword: "required", params: { missingProperty: "max-regression" }, message: "must have required property 'max-regression'", schema: schema18.properties.slices.required, parentSchema: schema18.properties.slices, data: data10 };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
        for (const key2 in data10) {
          if (!(key2 === "max-regression" || key2 === "min-size" || key2 === "confidence")) {
            const err22 = { instancePath: instancePath + "/slices", schemaPath: "#/properties/slices/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema18.properties.slices, data: data10 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        if (data10["max-regression"] !== void 0) {
          let data11 = data10["max-regression"];
          if (typeof data11 == "number" && isFinite(data11)) {
            if (data11 < 0 || isNaN(data11)) {
              const err23 = { instancePath: instancePath + "/slices/max-regression", schemaPath: "#/properties/slices/properties/max-regression/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema18.properties.slices.properties["max-regression"], data: data11 };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          } else {
            const err24 = { instancePath: instancePath + "/slices/max-regression", schemaPath: "#/properties/slices/properties/max-regression/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema18.properties.slices.properties["max-regression"].type, parentSchema: schema18.properties.slices.properties["max-regression"], data: data11 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        if (data10["min-size"] !== void 0) {
          let data12 = data10["min-size"];
          if (!(typeof data12 == "number" && (!(data12 % 1) && !isNaN(data12)) && isFinite(data12))) {
            const err25 = { instancePath: instancePath + "/slices/min-size", schemaPath: "#/properties/slices/properties/min-size/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema18.properties.slices.properties["min-size"].type, parentSchema: schema18.properties.slices.properties["min-size"], data: data12 };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
          if (typeof data12 == "number" && isFinite(data12)) {
            if (data12 < 1 || isNaN(data12)) {
              const err26 = { instancePath: instancePath + "/slices/min-size", schemaPath: "#/properties/slices/properties/min-size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema18.properties.slices.properties["min-size"], data: data12 };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
          }
        }
        if (data10.confidence !== void 0) {
          let data13 = data10.confidence;
          if (typeof data13 == "number" && isFinite(data13)) {
            if (data13 >= 1 || isNaN(data13)) {
              const err27 = { instancePath: instancePath + "/slices/confidence", schemaPath: "#/properties/slices/properties/confidence/exclusiveMaximum", keyword: "exclusiveMaximum", params: { comparison: "<", limit: 1 }, message: "must be < 1", schema: 1, parentSchema: schema18.properties.slices.properties.confidence, data: data13 };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
            if (data13 <= 0.5 || isNaN(data13)) {
              const err28 = { instancePath: instancePath + "/slices/confidence", schemaPath: "#/properties/slices/properties/confidence/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0.5 }, message: "must be > 0.5", schema: 0.5, parentSchema: schema18.properties.slices.properties.confidence, data: data13 };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
          } else {
            const err29 = { instancePath: instancePath + "/slices/confidence", schemaPath: "#/properties/slices/properties/confidence/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema18.properties.slices.properties.confidence.type, parentSchema: schema18.properties.slices.properties.confidence, data: data13 };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
      } else {
        const err30 = { instancePath: instancePath + "/slices", schemaPath: "#/properties/slices/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema18.properties.slices.type, parentSchema: schema18.properties.slices, data: data10 };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      }
    }
  } else {
    const err31 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema18.type, parentSchema: schema18, data };
    if (vErrors === null) {
      vErrors = [err31];
    } else {
      vErrors.push(err31);
    }
    errors++;
  }
  validate13.errors = vErrors;
  return errors === 0;
}
validate13.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema20 = { "description": "Checks on one data input (all its files together).", "type": "object", "additionalProperties": false, "properties": { "min-rows": { "description": "The fewest data rows (header excluded) the input may hold.", "type": "integer", "minimum": 0 }, "columns": { "description": "Columns that must be present, with checks on their values.", "type": "object", "additionalProperties": { "$ref": "#/$defs/columnCheck" } }, "unexpected-columns": { "description": "What to do with a column not listed under columns: error (fail the check) or warn. Default: allowed.", "enum": ["error", "warn"] } } };
var schema21 = { "description": "Checks on one column. Empty, NA, NaN and null cells are missing.", "type": "object", "additionalProperties": false, "properties": { "type": { "description": "number: every present cell is a finite number; category: any text.", "enum": ["number", "category"] }, "max-missing": { "description": "The largest share of missing cells allowed, from 0 to 1.", "type": "number", "minimum": 0, "maximum": 1 }, "min": { "description": "The smallest value allowed (numbers).", "type": "number" }, "max": { "description": "The largest value allowed (numbers).", "type": "number" }, "max-mean-shift": { "description": "Compared with the champion's profile (numbers): the column's mean may move by at most this many of the champion's standard deviations. Not checked without a champion or when its bundle has no profile.", "type": "number", "exclusiveMinimum": 0 }, "values": { "description": "The only values allowed (categories).", "type": "array", "minItems": 1, "items": { "type": ["string", "number", "boolean"] } } } };
function validate15(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate15.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "min-rows" || key0 === "columns" || key0 === "unexpected-columns")) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema20, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data["min-rows"] !== void 0) {
      let data0 = data["min-rows"];
      if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
        const err1 = { instancePath: instancePath + "/min-rows", schemaPath: "#/properties/min-rows/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema20.properties["min-rows"].type, parentSchema: schema20.properties["min-rows"], data: data0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
      if (typeof data0 == "number" && isFinite(data0)) {
        if (data0 < 0 || isNaN(data0)) {
          const err2 = { instancePath: instancePath + "/min-rows", schemaPath: "#/properties/min-rows/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema20.properties["min-rows"], data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      }
    }
    if (data.columns !== void 0) {
      let data1 = data.columns;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        for (const key1 in data1) {
          let data2 = data1[key1];
          if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
            for (const key2 in data2) {
              if (!(key2 === "type" || key2 === "max-missing" || key2 === "min" || key2 === "max" || key2 === "max-mean-shift" || key2 === "values")) {
                const err3 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnCheck/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema21, data: data2 };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
            }
            if (data2.type !== void 0) {
              let data3 = data2.type;
              if (!(data3 === "number" || data3 === "category")) {
                const err4 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/type", schemaPath: "#/$defs/columnCheck/properties/type/enum", keyword: "enum", params: { allowedValues: schema21.properties.type.enum }, message: "must be equal to one of the allowed values", schema: schema21.properties.type.enum, parentSchema: schema21.properties.type, data: data3 };
                if (vErrors === null) {
                  vErrors = [err4];
                } else {
                  vErrors.push(err4);
                }
                errors++;
              }
            }
            if (data2["max-missing"] !== void 0) {
              let data4 = data2["max-missing"];
              if (typeof data4 == "number" && isFinite(data4)) {
                if (data4 > 1 || isNaN(data4)) {
                  const err5 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/max-missing", schemaPath: "#/$defs/columnCheck/properties/max-missing/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema21.properties["max-missing"], data: data4 };
                  if (vErrors === null) {
                    vErrors = [err5];
                  } else {
                    vErrors.push(err5);
                  }
                  errors++;
                }
                if (data4 < 0 || isNaN(data4)) {
                  const err6 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/max-missing", schemaPath: "#/$defs/columnCheck/properties/max-missing/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema21.properties["max-missing"], data: data4 };
                  if (vErrors === null) {
                    vErrors = [err6];
                  } else {
                    vErrors.push(err6);
                  }
                  errors++;
                }
              } else {
                const err7 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/max-missing", schemaPath: "#/$defs/columnCheck/properties/max-missing/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema21.properties["max-missing"].type, parentSchema: schema21.properties["max-missing"], data: data4 };
                if (vErrors === null) {
                  vErrors = [err7];
                } else {
                  vErrors.push(err7);
                }
                errors++;
              }
            }
            if (data2.min !== void 0) {
              let data5 = data2.min;
              if (!(typeof data5 == "number" && isFinite(data5))) {
                const err8 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/min", schemaPath: "#/$defs/columnCheck/properties/min/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema21.properties.min.type, parentSchema: schema21.properties.min, data: data5 };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
            if (data2.max !== void 0) {
              let data6 = data2.max;
              if (!(typeof data6 == "number" && isFinite(data6))) {
                const err9 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/max", schemaPath: "#/$defs/columnCheck/properties/max/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema21.properties.max.type, parentSchema: schema21.properties.max, data: data6 };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
            }
            if (data2["max-mean-shift"] !== void 0) {
              let data7 = data2["max-mean-shift"];
              if (typeof data7 == "number" && isFinite(data7)) {
                if (data7 <= 0 || isNaN(data7)) {
                  const err10 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/max-mean-shift", schemaPath: "#/$defs/columnCheck/properties/max-mean-shift/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema21.properties["max-mean-shift"], data: data7 };
                  if (vErrors === null) {
                    vErrors = [err10];
                  } else {
                    vErrors.push(err10);
                  }
                  errors++;
                }
              } else {
                const err11 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/max-mean-shift", schemaPath: "#/$defs/columnCheck/properties/max-mean-shift/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema21.properties["max-mean-shift"].type, parentSchema: schema21.properties["max-mean-shift"], data: data7 };
                if (vErrors === null) {
                  vErrors = [err11];
                } else {
                  vErrors.push(err11);
                }
                errors++;
              }
            }
            if (data2.values !== void 0) {
              let data8 = data2.values;
              if (Array.isArray(data8)) {
                if (data8.length < 1) {
                  const err12 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/values", schemaPath: "#/$defs/columnCheck/properties/values/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema21.properties.values, data: data8 };
                  if (vErrors === null) {
                    vErrors = [err12];
                  } else {
                    vErrors.push(err12);
                  }
                  errors++;
                }
                const len0 = data8.length;
                for (let i0 = 0; i0 < len0; i0++) {
                  let data9 = data8[i0];
                  if (typeof data9 !== "string" && !(typeof data9 == "number" && isFinite(data9)) && typeof data9 !== "boolean") {
                    const err13 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/values/" + i0, schemaPath: "#/$defs/columnCheck/properties/values/items/type", keyword: "type", params: { type: schema21.properties.values.items.type }, message: "must be string,number,boolean", schema: schema21.properties.values.items.type, parentSchema: schema21.properties.values.items, data: data9 };
                    if (vErrors === null) {
                      vErrors = [err13];
                    } else {
                      vErrors.push(err13);
                    }
                    errors++;
                  }
                }
              } else {
                const err14 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/values", schemaPath: "#/$defs/columnCheck/properties/values/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema21.properties.values.type, parentSchema: schema21.properties.values, data: data8 };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
            }
          } else {
            const err15 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnCheck/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema21.type, parentSchema: schema21, data: data2 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
      } else {
        const err16 = { instancePath: instancePath + "/columns", schemaPath: "#/properties/columns/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema20.properties.columns.type, parentSchema: schema20.properties.columns, data: data1 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data["unexpected-columns"] !== void 0) {
      let data10 = data["unexpected-columns"];
      if (!(data10 === "error" || data10 === "warn")) {
        const err17 = { instancePath: instancePath + "/unexpected-columns", schemaPath: "#/properties/unexpected-columns/enum", keyword: "enum", params: { allowedValues: schema20.properties["unexpected-columns"].enum }, message: "must be equal to one of the allowed values", schema: schema20.properties["unexpected-columns"].enum, parentSchema: schema20.properties["unexpected-columns"], data: data10 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
  } else {
    const err18 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema20.type, parentSchema: schema20, data };
    if (vErrors === null) {
      vErrors = [err18];
    } else {
      vErrors.push(err18);
    }
    errors++;
  }
  validate15.errors = vErrors;
  return errors === 0;
}
validate15.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema24 = { "description": "Param values this challenger trains with, by param name; a list of values makes a grid (every combination).", "type": "object", "minProperties": 1, "additionalProperties": { "oneOf": [{ "$ref": "#/$defs/scalar" }, { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/scalar" } }] } };
function validate17(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate17.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (Object.keys(data).length < 1) {
      const err0 = { instancePath, schemaPath: "#/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema24, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      let data0 = data[key0];
      const _errs3 = errors;
      let valid1 = false;
      let passing0 = null;
      const _errs4 = errors;
      if (typeof data0 !== "string" && !(typeof data0 == "number" && isFinite(data0)) && typeof data0 !== "boolean") {
        const err1 = { instancePath: instancePath + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/scalar/type", keyword: "type", params: { type: schema2.type }, message: "must be string,number,boolean", schema: schema2.type, parentSchema: schema2, data: data0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
      var _valid0 = _errs4 === errors;
      if (_valid0) {
        valid1 = true;
        passing0 = 0;
      }
      const _errs7 = errors;
      if (Array.isArray(data0)) {
        if (data0.length < 1) {
          const err2 = { instancePath: instancePath + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/additionalProperties/oneOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema24.additionalProperties.oneOf[1], data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (typeof data1 !== "string" && !(typeof data1 == "number" && isFinite(data1)) && typeof data1 !== "boolean") {
            const err3 = { instancePath: instancePath + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i0, schemaPath: "#/$defs/scalar/type", keyword: "type", params: { type: schema2.type }, message: "must be string,number,boolean", schema: schema2.type, parentSchema: schema2, data: data1 };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        }
      } else {
        const err4 = { instancePath: instancePath + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/additionalProperties/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema24.additionalProperties.oneOf[1].type, parentSchema: schema24.additionalProperties.oneOf[1], data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
      var _valid0 = _errs7 === errors;
      if (_valid0 && valid1) {
        valid1 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid1 = true;
          passing0 = 1;
        }
      }
      if (!valid1) {
        const err5 = { instancePath: instancePath + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/additionalProperties/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema24.additionalProperties.oneOf, parentSchema: schema24.additionalProperties, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      } else {
        errors = _errs3;
        if (vErrors !== null) {
          if (_errs3) {
            vErrors.length = _errs3;
          } else {
            vErrors = null;
          }
        }
      }
    }
  } else {
    const err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema24.type, parentSchema: schema24, data };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate17.errors = vErrors;
  return errors === 0;
}
validate17.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate0(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate0.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.model === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "model" }, message: "must have required property 'model'", schema: schema0.required, parentSchema: schema0, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.steps === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "steps" }, message: "must have required property 'steps'", schema: schema0.required, parentSchema: schema0, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.evaluate === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "evaluate" }, message: "must have required property 'evaluate'", schema: schema0.required, parentSchema: schema0, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.metrics === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "metrics" }, message: "must have required property 'metrics'", schema: schema0.required, parentSchema: schema0, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.promotion === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "promotion" }, message: "must have required property 'promotion'", schema: schema0.required, parentSchema: schema0, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func0.call(schema0.properties, key0)) {
        const err5 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema0, data };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.model !== void 0) {
      let data0 = data.model;
      if (typeof data0 === "string") {
        if (!pattern0.test(data0)) {
          const err6 = { instancePath: instancePath + "/model", schemaPath: "#/properties/model/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", parentSchema: schema0.properties.model, data: data0 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/model", schemaPath: "#/properties/model/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema0.properties.model.type, parentSchema: schema0.properties.model, data: data0 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      let data1 = data.description;
      if (typeof data1 !== "string") {
        const err8 = { instancePath: instancePath + "/description", schemaPath: "#/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema0.properties.description.type, parentSchema: schema0.properties.description, data: data1 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.root !== void 0) {
      let data2 = data.root;
      if (typeof data2 === "string") {
        if (func1(data2) < 1) {
          const err9 = { instancePath: instancePath + "/root", schemaPath: "#/properties/root/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema0.properties.root, data: data2 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/root", schemaPath: "#/properties/root/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema0.properties.root.type, parentSchema: schema0.properties.root, data: data2 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.params !== void 0) {
      let data3 = data.params;
      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
        for (const key1 in data3) {
          const _errs11 = errors;
          if (typeof key1 === "string") {
            if (!pattern1.test(key1)) {
              const err11 = { instancePath: instancePath + "/params", schemaPath: "#/properties/params/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_-]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_-]*$"', schema: "^[A-Za-z_][A-Za-z0-9_-]*$", parentSchema: schema0.properties.params.propertyNames, data: key1, propertyName: key1 };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          }
          var valid1 = _errs11 === errors;
          if (!valid1) {
            const err12 = { instancePath: instancePath + "/params", schemaPath: "#/properties/params/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid", schema: schema0.properties.params.propertyNames, parentSchema: schema0.properties.params, data: data3 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        for (const key2 in data3) {
          if (!validate1(data3[key2], { instancePath: instancePath + "/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data3, parentDataProperty: key2, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate1.errors : vErrors.concat(validate1.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err13 = { instancePath: instancePath + "/params", schemaPath: "#/properties/params/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema0.properties.params.type, parentSchema: schema0.properties.params, data: data3 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.data !== void 0) {
      let data5 = data.data;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        for (const key3 in data5) {
          const _errs17 = errors;
          if (typeof key3 === "string") {
            if (!pattern1.test(key3)) {
              const err14 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_-]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_-]*$"', schema: "^[A-Za-z_][A-Za-z0-9_-]*$", parentSchema: schema0.properties.data.propertyNames, data: key3, propertyName: key3 };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
          }
          var valid3 = _errs17 === errors;
          if (!valid3) {
            const err15 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/propertyNames", keyword: "propertyNames", params: { propertyName: key3 }, message: "property name must be valid", schema: schema0.properties.data.propertyNames, parentSchema: schema0.properties.data, data: data5 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
        for (const key4 in data5) {
          if (!validate3(data5[key4], { instancePath: instancePath + "/data/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data5, parentDataProperty: key4, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err16 = { instancePath: instancePath + "/data", schemaPath: "#/properties/data/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema0.properties.data.type, parentSchema: schema0.properties.data, data: data5 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.env !== void 0) {
      if (!validate5(data.env, { instancePath: instancePath + "/env", parentData: data, parentDataProperty: "env", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate5.errors : vErrors.concat(validate5.errors);
        errors = vErrors.length;
      }
    }
    if (data["warm-start"] !== void 0) {
      let data8 = data["warm-start"];
      if (!(data8 === "required" || data8 === "fallback")) {
        const err17 = { instancePath: instancePath + "/warm-start", schemaPath: "#/properties/warm-start/enum", keyword: "enum", params: { allowedValues: schema0.properties["warm-start"].enum }, message: "must be equal to one of the allowed values", schema: schema0.properties["warm-start"].enum, parentSchema: schema0.properties["warm-start"], data: data8 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.lockfiles !== void 0) {
      let data9 = data.lockfiles;
      if (Array.isArray(data9)) {
        const len0 = data9.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data10 = data9[i0];
          if (typeof data10 === "string") {
            if (func1(data10) < 1) {
              const err18 = { instancePath: instancePath + "/lockfiles/" + i0, schemaPath: "#/properties/lockfiles/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema0.properties.lockfiles.items, data: data10 };
              if (vErrors === null) {
                vErrors = [err18];
              } else {
                vErrors.push(err18);
              }
              errors++;
            }
          } else {
            const err19 = { instancePath: instancePath + "/lockfiles/" + i0, schemaPath: "#/properties/lockfiles/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema0.properties.lockfiles.items.type, parentSchema: schema0.properties.lockfiles.items, data: data10 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
      } else {
        const err20 = { instancePath: instancePath + "/lockfiles", schemaPath: "#/properties/lockfiles/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema0.properties.lockfiles.type, parentSchema: schema0.properties.lockfiles, data: data9 };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.steps !== void 0) {
      let data11 = data.steps;
      if (Array.isArray(data11)) {
        if (data11.length < 1) {
          const err21 = { instancePath: instancePath + "/steps", schemaPath: "#/properties/steps/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema0.properties.steps, data: data11 };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
        const len1 = data11.length;
        for (let i1 = 0; i1 < len1; i1++) {
          if (!validate7(data11[i1], { instancePath: instancePath + "/steps/" + i1, parentData: data11, parentDataProperty: i1, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate7.errors : vErrors.concat(validate7.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err22 = { instancePath: instancePath + "/steps", schemaPath: "#/properties/steps/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema0.properties.steps.type, parentSchema: schema0.properties.steps, data: data11 };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.evaluate !== void 0) {
      if (!validate10(data.evaluate, { instancePath: instancePath + "/evaluate", parentData: data, parentDataProperty: "evaluate", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate10.errors : vErrors.concat(validate10.errors);
        errors = vErrors.length;
      }
    }
    if (data.metrics !== void 0) {
      let data14 = data.metrics;
      if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
        if (Object.keys(data14).length < 1) {
          const err23 = { instancePath: instancePath + "/metrics", schemaPath: "#/properties/metrics/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema0.properties.metrics, data: data14 };
          if (vErrors === null) {
            vErrors = [err23];
          } else {
            vErrors.push(err23);
          }
          errors++;
        }
        for (const key5 in data14) {
          const _errs33 = errors;
          if (typeof key5 === "string") {
            if (!pattern9.test(key5)) {
              const err24 = { instancePath: instancePath + "/metrics", schemaPath: "#/properties/metrics/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_.-]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_.-]*$"', schema: "^[A-Za-z_][A-Za-z0-9_.-]*$", parentSchema: schema0.properties.metrics.propertyNames, data: key5, propertyName: key5 };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
          }
          var valid9 = _errs33 === errors;
          if (!valid9) {
            const err25 = { instancePath: instancePath + "/metrics", schemaPath: "#/properties/metrics/propertyNames", keyword: "propertyNames", params: { propertyName: key5 }, message: "property name must be valid", schema: schema0.properties.metrics.propertyNames, parentSchema: schema0.properties.metrics, data: data14 };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        }
        for (const key6 in data14) {
          if (!validate13(data14[key6], { instancePath: instancePath + "/metrics/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data14, parentDataProperty: key6, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err26 = { instancePath: instancePath + "/metrics", schemaPath: "#/properties/metrics/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema0.properties.metrics.type, parentSchema: schema0.properties.metrics, data: data14 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.checks !== void 0) {
      let data16 = data.checks;
      if (data16 && typeof data16 == "object" && !Array.isArray(data16)) {
        for (const key7 in data16) {
          const _errs39 = errors;
          if (typeof key7 === "string") {
            if (!pattern1.test(key7)) {
              const err27 = { instancePath: instancePath + "/checks", schemaPath: "#/properties/checks/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_-]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_-]*$"', schema: "^[A-Za-z_][A-Za-z0-9_-]*$", parentSchema: schema0.properties.checks.propertyNames, data: key7, propertyName: key7 };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
          }
          var valid11 = _errs39 === errors;
          if (!valid11) {
            const err28 = { instancePath: instancePath + "/checks", schemaPath: "#/properties/checks/propertyNames", keyword: "propertyNames", params: { propertyName: key7 }, message: "property name must be valid", schema: schema0.properties.checks.propertyNames, parentSchema: schema0.properties.checks, data: data16 };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
        for (const key8 in data16) {
          if (!validate15(data16[key8], { instancePath: instancePath + "/checks/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data16, parentDataProperty: key8, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err29 = { instancePath: instancePath + "/checks", schemaPath: "#/properties/checks/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema0.properties.checks.type, parentSchema: schema0.properties.checks, data: data16 };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
    if (data.drift !== void 0) {
      let data18 = data.drift;
      if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
        for (const key9 in data18) {
          if (!(key9 === "inputs" || key9 === "psi" || key9 === "ks-p" || key9 === "chi2-p")) {
            const err30 = { instancePath: instancePath + "/drift", schemaPath: "#/$defs/driftPolicy/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key9 }, message: "must NOT have additional properties", schema: false, parentSchema: schema22, data: data18 };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
        if (data18.inputs !== void 0) {
          let data19 = data18.inputs;
          if (Array.isArray(data19)) {
            if (data19.length < 1) {
              const err31 = { instancePath: instancePath + "/drift/inputs", schemaPath: "#/$defs/driftPolicy/properties/inputs/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema22.properties.inputs, data: data19 };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
            const len2 = data19.length;
            for (let i2 = 0; i2 < len2; i2++) {
              let data20 = data19[i2];
              if (typeof data20 === "string") {
                if (!pattern1.test(data20)) {
                  const err32 = { instancePath: instancePath + "/drift/inputs/" + i2, schemaPath: "#/$defs/driftPolicy/properties/inputs/items/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_-]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_-]*$"', schema: "^[A-Za-z_][A-Za-z0-9_-]*$", parentSchema: schema22.properties.inputs.items, data: data20 };
                  if (vErrors === null) {
                    vErrors = [err32];
                  } else {
                    vErrors.push(err32);
                  }
                  errors++;
                }
              } else {
                const err33 = { instancePath: instancePath + "/drift/inputs/" + i2, schemaPath: "#/$defs/driftPolicy/properties/inputs/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.inputs.items.type, parentSchema: schema22.properties.inputs.items, data: data20 };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
            }
            let i3 = data19.length;
            let j0;
            if (i3 > 1) {
              const indices0 = {};
              for (; i3--; ) {
                let item0 = data19[i3];
                if (typeof item0 !== "string") {
                  continue;
                }
                if (typeof indices0[item0] == "number") {
                  j0 = indices0[item0];
                  const err34 = { instancePath: instancePath + "/drift/inputs", schemaPath: "#/$defs/driftPolicy/properties/inputs/uniqueItems", keyword: "uniqueItems", params: { i: i3, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i3 + " are identical)", schema: true, parentSchema: schema22.properties.inputs, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err34];
                  } else {
                    vErrors.push(err34);
                  }
                  errors++;
                  break;
                }
                indices0[item0] = i3;
              }
            }
          } else {
            const err35 = { instancePath: instancePath + "/drift/inputs", schemaPath: "#/$defs/driftPolicy/properties/inputs/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema22.properties.inputs.type, parentSchema: schema22.properties.inputs, data: data19 };
            if (vErrors === null) {
              vErrors = [err35];
            } else {
              vErrors.push(err35);
            }
            errors++;
          }
        }
        if (data18.psi !== void 0) {
          let data21 = data18.psi;
          if (typeof data21 == "number" && isFinite(data21)) {
            if (data21 < 0 || isNaN(data21)) {
              const err36 = { instancePath: instancePath + "/drift/psi", schemaPath: "#/$defs/driftPolicy/properties/psi/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema22.properties.psi, data: data21 };
              if (vErrors === null) {
                vErrors = [err36];
              } else {
                vErrors.push(err36);
              }
              errors++;
            }
          } else {
            const err37 = { instancePath: instancePath + "/drift/psi", schemaPath: "#/$defs/driftPolicy/properties/psi/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema22.properties.psi.type, parentSchema: schema22.properties.psi, data: data21 };
            if (vErrors === null) {
              vErrors = [err37];
            } else {
              vErrors.push(err37);
            }
            errors++;
          }
        }
        if (data18["ks-p"] !== void 0) {
          let data22 = data18["ks-p"];
          if (typeof data22 == "number" && isFinite(data22)) {
            if (data22 > 1 || isNaN(data22)) {
              const err38 = { instancePath: instancePath + "/drift/ks-p", schemaPath: "#/$defs/driftPolicy/properties/ks-p/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema22.properties["ks-p"], data: data22 };
              if (vErrors === null) {
                vErrors = [err38];
              } else {
                vErrors.push(err38);
              }
              errors++;
            }
            if (data22 < 0 || isNaN(data22)) {
              const err39 = { instancePath: instancePath + "/drift/ks-p", schemaPath: "#/$defs/driftPolicy/properties/ks-p/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema22.properties["ks-p"], data: data22 };
              if (vErrors === null) {
                vErrors = [err39];
              } else {
                vErrors.push(err39);
              }
              errors++;
            }
          } else {
            const err40 = { instancePath: instancePath + "/drift/ks-p", schemaPath: "#/$defs/driftPolicy/properties/ks-p/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema22.properties["ks-p"].type, parentSchema: schema22.properties["ks-p"], data: data22 };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
        if (data18["chi2-p"] !== void 0) {
          let data23 = data18["chi2-p"];
          if (typeof data23 == "number" && isFinite(data23)) {
            if (data23 > 1 || isNaN(data23)) {
              const err41 = { instancePath: instancePath + "/drift/chi2-p", schemaPath: "#/$defs/driftPolicy/properties/chi2-p/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema22.properties["chi2-p"], data: data23 };
              if (vErrors === null) {
                vErrors = [err41];
              } else {
                vErrors.push(err41);
              }
              errors++;
            }
            if (data23 < 0 || isNaN(data23)) {
              const err42 = { instancePath: instancePath + "/drift/chi2-p", schemaPath: "#/$defs/driftPolicy/properties/chi2-p/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema22.properties["chi2-p"], data: data23 };
              if (vErrors === null) {
                vErrors = [err42];
              } else {
                vErrors.push(err42);
              }
              errors++;
            }
          } else {
            const err43 = { instancePath: instancePath + "/drift/chi2-p", schemaPath: "#/$defs/driftPolicy/properties/chi2-p/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema22.properties["chi2-p"].type, parentSchema: schema22.properties["chi2-p"], data: data23 };
            if (vErrors === null) {
              vErrors = [err43];
            } else {
              vErrors.push(err43);
            }
            errors++;
          }
        }
      } else {
        const err44 = { instancePath: instancePath + "/drift", schemaPath: "#/$defs/driftPolicy/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema22.type, parentSchema: schema22, data: data18 };
        if (vErrors === null) {
          vErrors = [err44];
        } else {
          vErrors.push(err44);
        }
        errors++;
      }
    }
    if (data["retrain-when"] !== void 0) {
      let data24 = data["retrain-when"];
      if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
        if (data24.drift === void 0) {
          const err45 = { instancePath: instancePath + "/retrain-when", schemaPath: "#/properties/retrain-when/required", keyword: "required", params: { missingProperty: "drift" }, message: "must have required property 'drift'", schema: schema0.properties["retrain-when"].required, parentSchema: schema0.properties["retrain-when"], data: data24 };
          if (vErrors === null) {
            vErrors = [err45];
          } else {
            vErrors.push(err45);
          }
          errors++;
        }
        for (const key10 in data24) {
          if (!(key10 === "drift")) {
            const err46 = { instancePath: instancePath + "/retrain-when", schemaPath: "#/properties/retrain-when/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key10 }, message: "must NOT have additional properties", schema: false, parentSchema: schema0.properties["retrain-when"], data: data24 };
            if (vErrors === null) {
              vErrors = [err46];
            } else {
              vErrors.push(err46);
            }
            errors++;
          }
        }
        if (data24.drift !== void 0) {
          let data25 = data24.drift;
          if (data25 && typeof data25 == "object" && !Array.isArray(data25)) {
            for (const key11 in data25) {
              if (!(key11 === "inputs" || key11 === "psi" || key11 === "ks-p" || key11 === "chi2-p")) {
                const err47 = { instancePath: instancePath + "/retrain-when/drift", schemaPath: "#/$defs/driftPolicy/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key11 }, message: "must NOT have additional properties", schema: false, parentSchema: schema22, data: data25 };
                if (vErrors === null) {
                  vErrors = [err47];
                } else {
                  vErrors.push(err47);
                }
                errors++;
              }
            }
            if (data25.inputs !== void 0) {
              let data26 = data25.inputs;
              if (Array.isArray(data26)) {
                if (data26.length < 1) {
                  const err48 = { instancePath: instancePath + "/retrain-when/drift/inputs", schemaPath: "#/$defs/driftPolicy/properties/inputs/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema22.properties.inputs, data: data26 };
                  if (vErrors === null) {
                    vErrors = [err48];
                  } else {
                    vErrors.push(err48);
                  }
                  errors++;
                }
                const len3 = data26.length;
                for (let i4 = 0; i4 < len3; i4++) {
                  let data27 = data26[i4];
                  if (typeof data27 === "string") {
                    if (!pattern1.test(data27)) {
                      const err49 = { instancePath: instancePath + "/retrain-when/drift/inputs/" + i4, schemaPath: "#/$defs/driftPolicy/properties/inputs/items/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_-]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_-]*$"', schema: "^[A-Za-z_][A-Za-z0-9_-]*$", parentSchema: schema22.properties.inputs.items, data: data27 };
                      if (vErrors === null) {
                        vErrors = [err49];
                      } else {
                        vErrors.push(err49);
                      }
                      errors++;
                    }
                  } else {
                    const err50 = { instancePath: instancePath + "/retrain-when/drift/inputs/" + i4, schemaPath: "#/$defs/driftPolicy/properties/inputs/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.inputs.items.type, parentSchema: schema22.properties.inputs.items, data: data27 };
                    if (vErrors === null) {
                      vErrors = [err50];
                    } else {
                      vErrors.push(err50);
                    }
                    errors++;
                  }
                }
                let i5 = data26.length;
                let j1;
                if (i5 > 1) {
                  const indices1 = {};
                  for (; i5--; ) {
                    let item1 = data26[i5];
                    if (typeof item1 !== "string") {
                      continue;
                    }
                    if (typeof indices1[item1] == "number") {
                      j1 = indices1[item1];
                      const err51 = { instancePath: instancePath + "/retrain-when/drift/inputs", schemaPath: "#/$defs/driftPolicy/properties/inputs/uniqueItems", keyword: "uniqueItems", params: { i: i5, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i5 + " are identical)", schema: true, parentSchema: schema22.properties.inputs, data: data26 };
                      if (vErrors === null) {
                        vErrors = [err51];
                      } else {
                        vErrors.push(err51);
                      }
                      errors++;
                      break;
                    }
                    indices1[item1] = i5;
                  }
                }
              } else {
                const err52 = { instancePath: instancePath + "/retrain-when/drift/inputs", schemaPath: "#/$defs/driftPolicy/properties/inputs/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema22.properties.inputs.type, parentSchema: schema22.properties.inputs, data: data26 };
                if (vErrors === null) {
                  vErrors = [err52];
                } else {
                  vErrors.push(err52);
                }
                errors++;
              }
            }
            if (data25.psi !== void 0) {
              let data28 = data25.psi;
              if (typeof data28 == "number" && isFinite(data28)) {
                if (data28 < 0 || isNaN(data28)) {
                  const err53 = { instancePath: instancePath + "/retrain-when/drift/psi", schemaPath: "#/$defs/driftPolicy/properties/psi/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema22.properties.psi, data: data28 };
                  if (vErrors === null) {
                    vErrors = [err53];
                  } else {
                    vErrors.push(err53);
                  }
                  errors++;
                }
              } else {
                const err54 = { instancePath: instancePath + "/retrain-when/drift/psi", schemaPath: "#/$defs/driftPolicy/properties/psi/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema22.properties.psi.type, parentSchema: schema22.properties.psi, data: data28 };
                if (vErrors === null) {
                  vErrors = [err54];
                } else {
                  vErrors.push(err54);
                }
                errors++;
              }
            }
            if (data25["ks-p"] !== void 0) {
              let data29 = data25["ks-p"];
              if (typeof data29 == "number" && isFinite(data29)) {
                if (data29 > 1 || isNaN(data29)) {
                  const err55 = { instancePath: instancePath + "/retrain-when/drift/ks-p", schemaPath: "#/$defs/driftPolicy/properties/ks-p/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema22.properties["ks-p"], data: data29 };
                  if (vErrors === null) {
                    vErrors = [err55];
                  } else {
                    vErrors.push(err55);
                  }
                  errors++;
                }
                if (data29 < 0 || isNaN(data29)) {
                  const err56 = { instancePath: instancePath + "/retrain-when/drift/ks-p", schemaPath: "#/$defs/driftPolicy/properties/ks-p/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema22.properties["ks-p"], data: data29 };
                  if (vErrors === null) {
                    vErrors = [err56];
                  } else {
                    vErrors.push(err56);
                  }
                  errors++;
                }
              } else {
                const err57 = { instancePath: instancePath + "/retrain-when/drift/ks-p", schemaPath: "#/$defs/driftPolicy/properties/ks-p/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema22.properties["ks-p"].type, parentSchema: schema22.properties["ks-p"], data: data29 };
                if (vErrors === null) {
                  vErrors = [err57];
                } else {
                  vErrors.push(err57);
                }
                errors++;
              }
            }
            if (data25["chi2-p"] !== void 0) {
              let data30 = data25["chi2-p"];
              if (typeof data30 == "number" && isFinite(data30)) {
                if (data30 > 1 || isNaN(data30)) {
                  const err58 = { instancePath: instancePath + "/retrain-when/drift/chi2-p", schemaPath: "#/$defs/driftPolicy/properties/chi2-p/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema22.properties["chi2-p"], data: data30 };
                  if (vErrors === null) {
                    vErrors = [err58];
                  } else {
                    vErrors.push(err58);
                  }
                  errors++;
                }
                if (data30 < 0 || isNaN(data30)) {
                  const err59 = { instancePath: instancePath + "/retrain-when/drift/chi2-p", schemaPath: "#/$defs/driftPolicy/properties/chi2-p/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema22.properties["chi2-p"], data: data30 };
                  if (vErrors === null) {
                    vErrors = [err59];
                  } else {
                    vErrors.push(err59);
                  }
                  errors++;
                }
              } else {
                const err60 = { instancePath: instancePath + "/retrain-when/drift/chi2-p", schemaPath: "#/$defs/driftPolicy/properties/chi2-p/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema22.properties["chi2-p"].type, parentSchema: schema22.properties["chi2-p"], data: data30 };
                if (vErrors === null) {
                  vErrors = [err60];
                } else {
                  vErrors.push(err60);
                }
                errors++;
              }
            }
          } else {
            const err61 = { instancePath: instancePath + "/retrain-when/drift", schemaPath: "#/$defs/driftPolicy/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema22.type, parentSchema: schema22, data: data25 };
            if (vErrors === null) {
              vErrors = [err61];
            } else {
              vErrors.push(err61);
            }
            errors++;
          }
        }
      } else {
        const err62 = { instancePath: instancePath + "/retrain-when", schemaPath: "#/properties/retrain-when/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema0.properties["retrain-when"].type, parentSchema: schema0.properties["retrain-when"], data: data24 };
        if (vErrors === null) {
          vErrors = [err62];
        } else {
          vErrors.push(err62);
        }
        errors++;
      }
    }
    if (data.challengers !== void 0) {
      let data31 = data.challengers;
      if (data31 && typeof data31 == "object" && !Array.isArray(data31)) {
        if (Object.keys(data31).length > 64) {
          const err63 = { instancePath: instancePath + "/challengers", schemaPath: "#/properties/challengers/maxProperties", keyword: "maxProperties", params: { limit: 64 }, message: "must NOT have more than 64 properties", schema: 64, parentSchema: schema0.properties.challengers, data: data31 };
          if (vErrors === null) {
            vErrors = [err63];
          } else {
            vErrors.push(err63);
          }
          errors++;
        }
        if (Object.keys(data31).length < 1) {
          const err64 = { instancePath: instancePath + "/challengers", schemaPath: "#/properties/challengers/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema0.properties.challengers, data: data31 };
          if (vErrors === null) {
            vErrors = [err64];
          } else {
            vErrors.push(err64);
          }
          errors++;
        }
        for (const key12 in data31) {
          const _errs76 = errors;
          if (typeof key12 === "string") {
            if (!pattern13.test(key12)) {
              const err65 = { instancePath: instancePath + "/challengers", schemaPath: "#/properties/challengers/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9-]{0,39}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9-]{0,39}$"', schema: "^[a-z0-9][a-z0-9-]{0,39}$", parentSchema: schema0.properties.challengers.propertyNames, data: key12, propertyName: key12 };
              if (vErrors === null) {
                vErrors = [err65];
              } else {
                vErrors.push(err65);
              }
              errors++;
            }
          }
          var valid24 = _errs76 === errors;
          if (!valid24) {
            const err66 = { instancePath: instancePath + "/challengers", schemaPath: "#/properties/challengers/propertyNames", keyword: "propertyNames", params: { propertyName: key12 }, message: "property name must be valid", schema: schema0.properties.challengers.propertyNames, parentSchema: schema0.properties.challengers, data: data31 };
            if (vErrors === null) {
              vErrors = [err66];
            } else {
              vErrors.push(err66);
            }
            errors++;
          }
        }
        for (const key13 in data31) {
          if (!validate17(data31[key13], { instancePath: instancePath + "/challengers/" + key13.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data31, parentDataProperty: key13, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err67 = { instancePath: instancePath + "/challengers", schemaPath: "#/properties/challengers/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema0.properties.challengers.type, parentSchema: schema0.properties.challengers, data: data31 };
        if (vErrors === null) {
          vErrors = [err67];
        } else {
          vErrors.push(err67);
        }
        errors++;
      }
    }
    if (data.promotion !== void 0) {
      let data33 = data.promotion;
      if (data33 && typeof data33 == "object" && !Array.isArray(data33)) {
        if (data33.mode === void 0) {
          const err68 = { instancePath: instancePath + "/promotion", schemaPath: "#/$defs/promotion/required", keyword: "required", params: { missingProperty: "mode" }, message: "must have required property 'mode'", schema: schema27.required, parentSchema: schema27, data: data33 };
          if (vErrors === null) {
            vErrors = [err68];
          } else {
            vErrors.push(err68);
          }
          errors++;
        }
        if (data33["first-model"] === void 0) {
          const err69 = { instancePath: instancePath + "/promotion", schemaPath: "#/$defs/promotion/required", keyword: "required", params: { missingProperty: "first-model" }, message: "must have required property 'first-model'", schema: schema27.required, parentSchema: schema27, data: data33 };
          if (vErrors === null) {
            vErrors = [err69];
          } else {
            vErrors.push(err69);
          }
          errors++;
        }
        for (const key14 in data33) {
          if (!(key14 === "mode" || key14 === "first-model" || key14 === "borderline" || key14 === "approvers")) {
            const err70 = { instancePath: instancePath + "/promotion", schemaPath: "#/$defs/promotion/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key14 }, message: "must NOT have additional properties", schema: false, parentSchema: schema27, data: data33 };
            if (vErrors === null) {
              vErrors = [err70];
            } else {
              vErrors.push(err70);
            }
            errors++;
          }
        }
        if (data33.mode !== void 0) {
          let data34 = data33.mode;
          if (!(data34 === "auto" || data34 === "gate" || data34 === "dry-run")) {
            const err71 = { instancePath: instancePath + "/promotion/mode", schemaPath: "#/$defs/promotion/properties/mode/enum", keyword: "enum", params: { allowedValues: schema27.properties.mode.enum }, message: "must be equal to one of the allowed values", schema: schema27.properties.mode.enum, parentSchema: schema27.properties.mode, data: data34 };
            if (vErrors === null) {
              vErrors = [err71];
            } else {
              vErrors.push(err71);
            }
            errors++;
          }
        }
        if (data33["first-model"] !== void 0) {
          let data35 = data33["first-model"];
          if (!(data35 === "promote" || data35 === "gate" || data35 === "reject")) {
            const err72 = { instancePath: instancePath + "/promotion/first-model", schemaPath: "#/$defs/promotion/properties/first-model/enum", keyword: "enum", params: { allowedValues: schema27.properties["first-model"].enum }, message: "must be equal to one of the allowed values", schema: schema27.properties["first-model"].enum, parentSchema: schema27.properties["first-model"], data: data35 };
            if (vErrors === null) {
              vErrors = [err72];
            } else {
              vErrors.push(err72);
            }
            errors++;
          }
        }
        if (data33.borderline !== void 0) {
          let data36 = data33.borderline;
          if (!(data36 === "reject" || data36 === "gate")) {
            const err73 = { instancePath: instancePath + "/promotion/borderline", schemaPath: "#/$defs/promotion/properties/borderline/enum", keyword: "enum", params: { allowedValues: schema27.properties.borderline.enum }, message: "must be equal to one of the allowed values", schema: schema27.properties.borderline.enum, parentSchema: schema27.properties.borderline, data: data36 };
            if (vErrors === null) {
              vErrors = [err73];
            } else {
              vErrors.push(err73);
            }
            errors++;
          }
        }
        if (data33.approvers !== void 0) {
          let data37 = data33.approvers;
          if (Array.isArray(data37)) {
            const len4 = data37.length;
            for (let i6 = 0; i6 < len4; i6++) {
              let data38 = data37[i6];
              if (typeof data38 === "string") {
                if (!pattern14.test(data38)) {
                  const err74 = { instancePath: instancePath + "/promotion/approvers/" + i6, schemaPath: "#/$defs/promotion/properties/approvers/items/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9-]*$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9-]*$"', schema: "^[A-Za-z0-9][A-Za-z0-9-]*$", parentSchema: schema27.properties.approvers.items, data: data38 };
                  if (vErrors === null) {
                    vErrors = [err74];
                  } else {
                    vErrors.push(err74);
                  }
                  errors++;
                }
              } else {
                const err75 = { instancePath: instancePath + "/promotion/approvers/" + i6, schemaPath: "#/$defs/promotion/properties/approvers/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema27.properties.approvers.items.type, parentSchema: schema27.properties.approvers.items, data: data38 };
                if (vErrors === null) {
                  vErrors = [err75];
                } else {
                  vErrors.push(err75);
                }
                errors++;
              }
            }
          } else {
            const err76 = { instancePath: instancePath + "/promotion/approvers", schemaPath: "#/$defs/promotion/properties/approvers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema27.properties.approvers.type, parentSchema: schema27.properties.approvers, data: data37 };
            if (vErrors === null) {
              vErrors = [err76];
            } else {
              vErrors.push(err76);
            }
            errors++;
          }
        }
      } else {
        const err77 = { instancePath: instancePath + "/promotion", schemaPath: "#/$defs/promotion/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema27.type, parentSchema: schema27, data: data33 };
        if (vErrors === null) {
          vErrors = [err77];
        } else {
          vErrors.push(err77);
        }
        errors++;
      }
    }
    if (data.retention !== void 0) {
      let data39 = data.retention;
      if (data39 && typeof data39 == "object" && !Array.isArray(data39)) {
        for (const key15 in data39) {
          if (!(key15 === "keep-rejected" || key15 === "keep-retired")) {
            const err78 = { instancePath: instancePath + "/retention", schemaPath: "#/$defs/retention/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key15 }, message: "must NOT have additional properties", schema: false, parentSchema: schema28, data: data39 };
            if (vErrors === null) {
              vErrors = [err78];
            } else {
              vErrors.push(err78);
            }
            errors++;
          }
        }
        if (data39["keep-rejected"] !== void 0) {
          let data40 = data39["keep-rejected"];
          if (!(typeof data40 == "number" && (!(data40 % 1) && !isNaN(data40)) && isFinite(data40))) {
            const err79 = { instancePath: instancePath + "/retention/keep-rejected", schemaPath: "#/$defs/retention/properties/keep-rejected/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema28.properties["keep-rejected"].type, parentSchema: schema28.properties["keep-rejected"], data: data40 };
            if (vErrors === null) {
              vErrors = [err79];
            } else {
              vErrors.push(err79);
            }
            errors++;
          }
          if (typeof data40 == "number" && isFinite(data40)) {
            if (data40 < 0 || isNaN(data40)) {
              const err80 = { instancePath: instancePath + "/retention/keep-rejected", schemaPath: "#/$defs/retention/properties/keep-rejected/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema28.properties["keep-rejected"], data: data40 };
              if (vErrors === null) {
                vErrors = [err80];
              } else {
                vErrors.push(err80);
              }
              errors++;
            }
          }
        }
        if (data39["keep-retired"] !== void 0) {
          let data41 = data39["keep-retired"];
          if (!(typeof data41 == "number" && (!(data41 % 1) && !isNaN(data41)) && isFinite(data41))) {
            const err81 = { instancePath: instancePath + "/retention/keep-retired", schemaPath: "#/$defs/retention/properties/keep-retired/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema28.properties["keep-retired"].type, parentSchema: schema28.properties["keep-retired"], data: data41 };
            if (vErrors === null) {
              vErrors = [err81];
            } else {
              vErrors.push(err81);
            }
            errors++;
          }
          if (typeof data41 == "number" && isFinite(data41)) {
            if (data41 < 0 || isNaN(data41)) {
              const err82 = { instancePath: instancePath + "/retention/keep-retired", schemaPath: "#/$defs/retention/properties/keep-retired/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema28.properties["keep-retired"], data: data41 };
              if (vErrors === null) {
                vErrors = [err82];
              } else {
                vErrors.push(err82);
              }
              errors++;
            }
          }
        }
      } else {
        const err83 = { instancePath: instancePath + "/retention", schemaPath: "#/$defs/retention/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema28.type, parentSchema: schema28, data: data39 };
        if (vErrors === null) {
          vErrors = [err83];
        } else {
          vErrors.push(err83);
        }
        errors++;
      }
    }
  } else {
    const err84 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema0.type, parentSchema: schema0, data };
    if (vErrors === null) {
      vErrors = [err84];
    } else {
      vErrors.push(err84);
    }
    errors++;
  }
  validate0.errors = vErrors;
  return errors === 0;
}
validate0.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// src/spec/schema-errors.ts
function validate(value) {
  return spec_validator_default(value) ? [] : [...spec_validator_default.errors ?? []];
}
var IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
function pointerSegments(pointer) {
  return pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function humanPath(segments, value) {
  let out = "";
  let current = value;
  for (const segment of segments) {
    if (Array.isArray(current)) out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${preview(segment, 40)}]`;
    current = current && typeof current === "object" ? current[segment] : void 0;
  }
  return out;
}
function describeValue(value) {
  if (value === null || value === void 0) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return preview(value);
}
var TYPE_NOUNS = {
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "true or false",
  object: "a mapping",
  array: "a list",
  null: "empty"
};
function typeNoun(type) {
  const types = Array.isArray(type) ? type.map(String) : [String(type)];
  if (types.length === 3 && ["string", "number", "boolean"].every((t) => types.includes(t))) {
    return "a string, a number or true/false";
  }
  return types.map((t) => TYPE_NOUNS[t] ?? t).join(" or ");
}
var SchemaErrorExplainer = class {
  constructor(source, value) {
    this.source = source;
    this.value = value;
  }
  source;
  value;
  explain(errors) {
    const combinators = errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf");
    const claimed = /* @__PURE__ */ new Set();
    for (const c of combinators) for (const e of this.branchErrors(c, errors)) claimed.add(e);
    const out = [];
    for (const error of errors) {
      if (claimed.has(error)) continue;
      if (error.keyword === "oneOf" || error.keyword === "anyOf") out.push(...this.combinator(error, errors));
      else if (error.keyword !== "propertyNames") out.push(this.simple(error));
    }
    return out;
  }
  branchErrors(c, errors) {
    const prefix = `${c.schemaPath}/`;
    return errors.filter(
      (e) => e !== c && e.schemaPath.startsWith(prefix) && (e.instancePath === c.instancePath || e.instancePath.startsWith(`${c.instancePath}/`))
    );
  }
  where(instancePath) {
    const segments = pointerSegments(instancePath);
    return { segments, name: humanPath(segments, this.value) };
  }
  combinator(c, errors) {
    const { segments, name } = this.where(c.instancePath);
    const subject = name || "the spec";
    const branches = c.schema ?? [];
    const location = this.source.valueAt(segments);
    const requiredOnly = branches.every((b) => Array.isArray(b.required) && Object.keys(b).every((k) => k === "required" || k === "title"));
    const keys = requiredOnly ? branches.map((b) => String(b.required[0])) : [];
    const passing = c.params.passingSchemas;
    if (Array.isArray(passing)) {
      const message = requiredOnly ? `${subject} must have only one of ${keys.map((k) => `"${k}"`).join(", ")}, not several` : `${subject} matches more than one of: ${branches.map((b) => b.title).join("; ")}`;
      return [{ ...location, message, instancePath: c.instancePath }];
    }
    if (requiredOnly) {
      return [
        {
          ...location,
          message: `${subject} needs one of ${keys.map((k) => `"${k}"`).join(" or ")}`,
          instancePath: c.instancePath,
          missingKeys: keys
        }
      ];
    }
    const own = this.branchErrors(c, errors);
    const byBranch = branches.map((_, i) => own.filter((e) => e.schemaPath.startsWith(`${c.schemaPath}/${i}/`)));
    const atNode = (e, keywords) => e.instancePath === c.instancePath && keywords.includes(e.keyword);
    const fitting = byBranch.filter((branchErrors) => !branchErrors.some((e) => atNode(e, ["type"])));
    const [only] = fitting;
    if (fitting.length === 1 && only && !only.some((e) => atNode(e, ["const", "enum"]))) return this.explain(only);
    const titles = branches.map((b) => String(b.title ?? typeNoun(b.type)));
    return [
      {
        ...location,
        message: `${subject} must be ${titles.join(" or ")} (got ${describeValue(c.data)})`,
        instancePath: c.instancePath
      }
    ];
  }
  simple(e) {
    const { segments, name } = this.where(e.instancePath);
    const subject = name || "the spec";
    const params = e.params;
    const parentSchema = e.parentSchema ?? {};
    const properties = parentSchema.properties ?? {};
    const hint = typeof parentSchema.patternErrorMessage === "string" ? parentSchema.patternErrorMessage : void 0;
    const got = describeValue(e.data);
    const atValue = (message, extra) => ({
      ...this.source.valueAt(segments),
      instancePath: e.instancePath,
      message,
      ...extra
    });
    const atKey = (key, message, extra) => ({
      ...this.source.keyAt(segments, key),
      instancePath: e.instancePath,
      message,
      ...extra
    });
    if (e.propertyName !== void 0) {
      return atKey(e.propertyName, `invalid key ${preview(e.propertyName)} in ${subject}: ${hint ?? e.message}`);
    }
    switch (e.keyword) {
      case "additionalProperties": {
        const key = String(params.additionalProperty);
        const allowed = Object.keys(properties);
        const near = closest(key, allowed);
        return near ? atKey(key, `unknown key ${preview(key)} in ${subject}; did you mean "${near}"?`, { suggestedKey: near }) : atKey(key, `unknown key ${preview(key)} in ${subject} (expected ${allowed.map((k) => `"${k}"`).join(", ")})`);
      }
      case "required": {
        const key = String(params.missingProperty);
        const allowed = properties[key]?.enum;
        const choices = Array.isArray(allowed) ? ` (one of ${allowed.join(", ")})` : "";
        return atValue(`missing required key "${key}"${choices} in ${subject}`, { missingKeys: [key] });
      }
      case "enum": {
        const allowed = params.allowedValues.map(String);
        const near = typeof e.data === "string" ? closest(e.data, allowed) : void 0;
        const suggestion = near ? `; did you mean "${near}"?` : "";
        return atValue(`${subject} must be one of ${allowed.join(", ")} (got ${got})${suggestion}`);
      }
      case "const":
        return atValue(`${subject} must be ${JSON.stringify(params.allowedValue)} (got ${got})`);
      case "type":
        return atValue(`${subject} must be ${typeNoun(params.type)} (got ${got})`);
      case "pattern":
        return atValue(`${subject} is invalid: ${hint ?? `it must match ${params.pattern}`} (got ${got})`);
      case "minimum":
      case "maximum":
      case "exclusiveMinimum":
      case "exclusiveMaximum":
        return atValue(`${subject} must be ${params.comparison} ${params.limit} (got ${got})`);
      case "minItems":
      case "minProperties":
      case "minLength":
        return atValue(`${subject} must not be empty`);
      case "dependentRequired": {
        const key = String(params.property);
        return atKey(key, `"${key}" in ${subject} is only allowed together with "${params.missingProperty}"`);
      }
      default:
        return atValue(`${subject} ${e.message ?? "is invalid"}`);
    }
  }
};
function finish(problems) {
  const suggested = new Set(problems.filter((p) => p.suggestedKey).map((p) => `${p.instancePath}\0${p.suggestedKey}`));
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const p of problems) {
    if (p.missingKeys?.some((k) => suggested.has(`${p.instancePath}\0${k}`))) continue;
    const key = `${p.line}:${p.col}:${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ message: p.message, file: p.file, line: p.line, col: p.col });
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}
function schemaProblems(source, value) {
  const errors = validate(value);
  return errors.length ? finish(new SchemaErrorExplainer(source, value).explain(errors)) : [];
}

// src/spec/step-cache.ts
var OUTPUT_ROOTS = [
  [`$${ContractEnv.workDir}`, "work"],
  [`$${ContractEnv.modelDir}`, "model"],
  [`\${${ContractEnv.workDir}}`, "work"],
  [`\${${ContractEnv.modelDir}}`, "model"]
];
var RESERVED = [".git", ".retrain"];
function parseCacheOutput(written) {
  let root = "project";
  let rest = written;
  for (const [prefix, name] of OUTPUT_ROOTS) {
    if (written === prefix || written.startsWith(`${prefix}/`)) {
      root = name;
      rest = written.slice(prefix.length).replace(/^\/+/, "");
      break;
    }
  }
  if (rest.includes("\0")) return "holds a NUL byte";
  if (root === "project" && rest.includes("$"))
    return `names a variable; only $${ContractEnv.workDir}/ and $${ContractEnv.modelDir}/ may start an output, other paths are relative to root`;
  if (/[*?[\]{}]/.test(rest)) return "is a glob; an output names one file or directory";
  const escape = pathEscapeProblem(rest);
  if (escape)
    return `${escape}; an output stays inside ${root === "project" ? "the spec's root" : `$${root === "work" ? ContractEnv.workDir : ContractEnv.modelDir}`}`;
  const segments = rest.split(/[\\/]+/).filter((s) => s !== "" && s !== ".");
  if (root === "project" && segments.length === 0) return "is the spec's root itself; name the files or folders the step writes";
  if (root === "project" && RESERVED.includes(segments[0])) return `is under ${segments[0]}, which a restore must not write into`;
  return { root, path: segments.join("/"), written };
}
function overlaps(a, b) {
  if (a.root !== b.root) return false;
  return a.path === b.path || a.path === "" || b.path === "" || a.path.startsWith(`${b.path}/`) || b.path.startsWith(`${a.path}/`);
}
function parseStepCache(raw, ctx) {
  const problems = [];
  const where = `steps[${ctx.stepIndex}].cache`;
  const outputs = [];
  raw.outputs.forEach((written, i) => {
    const parsed = parseCacheOutput(written);
    if (typeof parsed === "string") {
      problems.push({ ...ctx.at(["outputs", String(i)]), message: `${where}.outputs[${i}] ${preview(written)} ${parsed}` });
      return;
    }
    const other = outputs.find((o) => overlaps(o, parsed));
    if (other) {
      problems.push({
        ...ctx.at(["outputs", String(i)]),
        message: `${where}.outputs[${i}] ${preview(written)} overlaps ${preview(other.written)}; list each output once`
      });
      return;
    }
    outputs.push(parsed);
  });
  const known = (kind, names, declared, what) => names.forEach((name, i) => {
    if (declared.includes(name)) return;
    const near = closest(name, declared);
    problems.push({
      ...ctx.at([kind, String(i)]),
      message: `${where}.${kind}[${i}] names ${preview(name)}, which is not declared under ${what}${near ? `; did you mean "${near}"?` : ""}`
    });
  });
  known("data", raw.data ?? [], ctx.dataNames, "data");
  if (raw.params) known("params", raw.params, ctx.paramNames, "params");
  (raw.files ?? []).forEach((file, i) => {
    const problem = pathEscapeProblem(file);
    if (problem) problems.push({ ...ctx.at(["files", String(i)]), message: `${where}.files[${i}] ${preview(file)} ${problem}; files are relative to root` });
  });
  return {
    cache: {
      outputs,
      data: [...new Set(raw.data ?? [])],
      files: [...new Set(raw.files ?? [])],
      env: [...new Set(raw.env ?? [])],
      ...raw.params && { params: [...new Set(raw.params)] },
      location: ctx.at([])
    },
    problems
  };
}

// src/spec/shell-options.ts
var OPTION_REASONS = {
  codeOption: "this word is the argument of an option that runs a command or code, or names a file of more options or of code",
  optionWord: "the value continues an option word, so its characters would be read as options; write the option and the value as two words (-o VALUE) or as --option=VALUE",
  subcommand: "the value chooses a subcommand or its arguments, and this subcommand runs commands or sets what later commands run",
  make: "make puts its arguments (targets and VAR=value) into the shell text of its recipes",
  runsArguments: "this program runs its arguments as a command, a package or code",
  brace: "a brace expansion before the value may put an option, or a code-running option, in front of it ({-,}VALUE, {,--upload-pack=}VALUE); write the words out"
};
var OPTION_REASON_SET = new Set(Object.values(OPTION_REASONS));
function isOptionReason(reason) {
  return OPTION_REASON_SET.has(reason);
}
var VIM = { code: ["-c", "--cmd", "-S", "-u", "-U", "-s", "-W", "-i", "-T"], leads: "+" };
var JAVA = {
  code: ["-jar", "-cp", "-classpath", "--class-path", "-javaagent", "-agentlib", "-agentpath", "-p", "--module-path", "-m", "--module", "-XX"],
  leads: "@"
};
var C_COMPILER = { code: ["-wrapper", "-B", "-fplugin", "-specs", "--specs"], leads: "@" };
var PACKAGE_MANAGER = {
  code: ["-c", "--call", "--node-options", "--script-shell", "--userconfig", "--globalconfig", "--registry"],
  subcommands: true,
  codeSubcommands: ["exec", "x", "explore", "dlx", "config", "set"]
};
var PIP = {
  code: [
    "-r",
    "--requirement",
    "-c",
    "--constraint",
    "-i",
    "--index-url",
    "--extra-index-url",
    "-f",
    "--find-links",
    "-e",
    "--editable",
    "--config-settings",
    "--global-option",
    "--install-option",
    "--src"
  ],
  subcommands: true,
  codeSubcommands: ["config"]
};
var SSH_COPY = { code: ["-S", "-o", "-F", "-J", "-D", "-b"] };
var CONTAINER = {
  code: ["--entrypoint", "-v", "--volume", "--mount", "--env-file", "-H", "--host", "--config", "--device", "--cap-add", "--security-opt"],
  subcommands: true,
  codeSubcommands: ["exec"]
};
var TABLES = {
  git: {
    code: ["-c", "--config-env", "--exec-path", "--upload-pack", "--receive-pack", "--exec", "--extcmd", "--template", "--separate-git-dir"],
    args: ["-C", "--git-dir", "--work-tree", "--namespace"],
    subcommands: true,
    codeSubcommands: ["config", "submodule", "bisect", "filter-branch", "daemon", "difftool", "mergetool", "instaweb", "web--browse", "credential"],
    subcommandCode: { clone: ["-u"], "ls-remote": ["-u"], rebase: ["-x"] }
  },
  tar: {
    code: [
      "--to-command",
      "--checkpoint-action",
      "--use-compress-program",
      "-I",
      "--rsh-command",
      "--info-script",
      "--new-volume-script",
      "-F",
      "--rmt-command",
      "-T",
      "--files-from"
    ]
  },
  rsync: { code: ["-e", "--rsh", "--rsync-path", "--files-from", "--include-from", "--exclude-from", "--filter", "-f"] },
  scp: SSH_COPY,
  sftp: SSH_COPY,
  sort: { code: ["--compress-program"] },
  // Text tools whose options run nothing; the options listed take the next word (or the rest of their word) as data.
  cut: { args: ["-d", "-f", "-c", "-b", "--delimiter", "--fields", "--characters", "--bytes", "--output-delimiter"] },
  head: { args: ["-n", "-c", "--lines", "--bytes"] },
  tail: { args: ["-n", "-c", "--lines", "--bytes", "-s", "--sleep-interval", "--pid"] },
  grep: { args: ["-e", "-f", "-m", "-A", "-B", "-C", "--regexp", "--file", "--max-count", "--label"] },
  zip: { code: ["-TT", "--unzip-command"] },
  curl: { code: ["-K", "--config"] },
  wget: { code: ["-e", "--execute", "--use-askpass", "--config"] },
  less: { code: ["--lesskey-file", "--lesskey-src", "-k"], leads: "+" },
  more: { leads: "+" },
  man: { code: ["-P", "--pager", "-H", "--html", "-C", "--config-file"] },
  vim: VIM,
  vi: VIM,
  nvim: VIM,
  view: VIM,
  ex: VIM,
  rvim: VIM,
  vimdiff: VIM,
  gvim: VIM,
  emacs: { code: ["--eval", "-l", "--load", "-f", "--funcall", "--script"], leads: "+" },
  java: JAVA,
  javac: { code: ["-processorpath", "--processor-path", "-cp", "-classpath", "--class-path", "-J"], leads: "@" },
  gcc: C_COMPILER,
  "g++": C_COMPILER,
  cc: C_COMPILER,
  "c++": C_COMPILER,
  clang: C_COMPILER,
  "clang++": C_COMPILER,
  cmake: { code: ["-C", "-P", "-E"], args: ["-D", "-U", "-G", "-S", "-B", "-T", "-A", "-W"] },
  docker: CONTAINER,
  podman: CONTAINER,
  npm: PACKAGE_MANAGER,
  pnpm: PACKAGE_MANAGER,
  yarn: PACKAGE_MANAGER,
  pip: PIP,
  pip3: PIP,
  openssl: { code: ["-engine", "-config", "-provider", "-provider-path"] },
  set: { leads: "+" },
  gpg: { code: ["--exec-path", "--photo-viewer", "--options", "--load-extension"] },
  // GNU sed and gawk parse options among their operands too (`sed s/a/b/ --expression=1e CMD`).
  sed: { code: ["-e", "--expression", "-f", "--file"] },
  awk: { code: ["-f", "--file", "-e", "--source", "-i", "--include", "-l", "--load", "-E", "--exec"] }
};
var PROGRAM_CODE_VARIABLES = [
  "LD_PRELOAD",
  "LD_AUDIT",
  "NODE_OPTIONS",
  "PYTHONSTARTUP",
  "PERL5OPT",
  "RUBYOPT",
  "JAVA_TOOL_OPTIONS",
  "_JAVA_OPTIONS",
  "JDK_JAVA_OPTIONS",
  "GIT_SSH",
  "GIT_SSH_COMMAND",
  "GIT_PROXY_COMMAND",
  "GIT_ASKPASS",
  "SSH_ASKPASS",
  "GIT_EXTERNAL_DIFF",
  "GIT_PAGER",
  "GIT_EDITOR",
  "GIT_SEQUENCE_EDITOR",
  "GIT_EXEC_PATH",
  "GIT_TEMPLATE_DIR",
  "GIT_CONFIG_PARAMETERS",
  "GIT_CONFIG",
  "GIT_CONFIG_GLOBAL",
  "GIT_CONFIG_SYSTEM",
  "PAGER",
  "MANPAGER",
  "EDITOR",
  "VISUAL",
  "LESSOPEN",
  "LESSCLOSE",
  "TAR_OPTIONS",
  "RSYNC_RSH",
  "RSYNC_CONNECT_PROG",
  "WGETRC",
  "CURL_HOME",
  "SHELLOPTS",
  "BASHOPTS"
];
var RUN_THEIR_ARGUMENTS = /* @__PURE__ */ new Map([
  ["make", OPTION_REASONS.make],
  ["gmake", OPTION_REASONS.make],
  ["bmake", OPTION_REASONS.make],
  ["npx", OPTION_REASONS.runsArguments],
  ["pnpx", OPTION_REASONS.runsArguments],
  ["bunx", OPTION_REASONS.runsArguments],
  ["uvx", OPTION_REASONS.runsArguments],
  ["pipx", OPTION_REASONS.runsArguments],
  ["deno", OPTION_REASONS.runsArguments],
  ["bun", OPTION_REASONS.runsArguments],
  ["pwsh", OPTION_REASONS.runsArguments],
  ["powershell", OPTION_REASONS.runsArguments],
  ["osascript", OPTION_REASONS.runsArguments],
  ["tclsh", OPTION_REASONS.runsArguments],
  ["wish", OPTION_REASONS.runsArguments],
  ["jshell", OPTION_REASONS.runsArguments],
  ["csi", OPTION_REASONS.runsArguments],
  ["dotnet", OPTION_REASONS.runsArguments]
]);
var DATA_COMMANDS = /* @__PURE__ */ new Set([
  "echo",
  "true",
  "false",
  ":",
  "cd",
  "pushd",
  "popd",
  "exit",
  "return",
  "shift",
  "break",
  "continue",
  "basename",
  "dirname",
  "sleep",
  "type",
  "dirs"
]);
var TEST_BINARY = /* @__PURE__ */ new Set(["=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef", "=~", "-a", "-o"]);
var FIND_ARGS = /* @__PURE__ */ new Set([
  "-name",
  "-iname",
  "-path",
  "-ipath",
  "-wholename",
  "-iwholename",
  "-regex",
  "-iregex",
  "-lname",
  "-ilname",
  "-newer",
  "-anewer",
  "-cnewer",
  "-samefile",
  "-type",
  "-xtype",
  "-user",
  "-group",
  "-perm",
  "-size",
  "-mtime",
  "-mmin",
  "-atime",
  "-amin",
  "-ctime",
  "-cmin",
  "-maxdepth",
  "-mindepth",
  "-uid",
  "-gid",
  "-links",
  "-inum",
  "-used",
  "-fstype",
  "-regextype",
  "-context",
  "-printf"
]);
function checksOptions(nameWord, name) {
  if (DATA_COMMANDS.has(name)) return false;
  const own = nameWord.includes("/") && !nameWord.startsWith("/") && !/(^|\/)(node_modules|\.?venv|site-packages|\.local)\//.test(nameWord) && !Object.hasOwn(TABLES, name) && !RUN_THEIR_ARGUMENTS.has(name);
  return !own;
}
function hasOptionTable(name) {
  return Object.hasOwn(TABLES, name);
}
function runsItsArguments(name) {
  return RUN_THEIR_ARGUMENTS.get(name);
}
function skipBalanced(raw, i, open, close) {
  let depth = 0;
  for (let j = i; j < raw.length; j++) {
    if (raw.startsWith("${{", j)) {
      const end = findExpressionEnd(raw, j);
      if (end < 0) return raw.length;
      j = end - 1;
      continue;
    }
    const c = raw[j];
    if (c === "\\") j++;
    else if (c === "'" && open === "(") {
      const q = raw.indexOf("'", j + 1);
      j = q < 0 ? raw.length : q;
    } else if (c === open) depth++;
    else if (c === close && --depth === 0) return j + 1;
  }
  return raw.length;
}
function wordParts(raw) {
  const parts = [];
  let quoted = false;
  let i = 0;
  const literal = (start, end, text, inQuotes) => parts.push({ kind: "literal", start, end, text, quoted: inQuotes });
  while (i < raw.length) {
    const c = raw[i];
    if (raw.startsWith("${{", i)) {
      const end = findExpressionEnd(raw, i);
      const stop = end < 0 ? raw.length : end;
      parts.push({ kind: "expression", start: i, end: stop, text: "", quoted });
      i = stop;
    } else if (!quoted && (c === "'" || c === "$" && raw[i + 1] === "'")) {
      const open = c === "$" ? i + 1 : i;
      let j = open + 1;
      while (j < raw.length && raw[j] !== "'") j += c === "$" && raw[j] === "\\" ? 2 : 1;
      const text = c === "$" && raw.slice(open + 1, j).includes("\\") ? "-" : raw.slice(open + 1, j);
      if (j > open + 1) literal(open + 1, j, text, true);
      i = j + 1;
    } else if (c === '"') {
      quoted = !quoted;
      i++;
    } else if (c === "\\") {
      const next = raw[i + 1] ?? "";
      if (next !== "\n") literal(i, i + 2, quoted && !'$`"\\'.includes(next) ? `\\${next}` : next, true);
      i += 2;
    } else if (c === "$" && raw[i + 1] === "(") {
      const end = skipBalanced(raw, i + 1, "(", ")");
      parts.push({ kind: "substitution", start: i, end, text: "", quoted });
      i = end;
    } else if (c === "`") {
      let j = i + 1;
      while (j < raw.length && raw[j] !== "`") j += raw[j] === "\\" ? 2 : 1;
      parts.push({ kind: "substitution", start: i, end: j + 1, text: "", quoted });
      i = j + 1;
    } else if (c === "$" && raw[i + 1] === "{") {
      const end = skipBalanced(raw, i + 1, "{", "}");
      const name = /^\$\{[#!]?([A-Za-z_][A-Za-z0-9_]*|[0-9@*])/.exec(raw.slice(i))?.[1] ?? "";
      const inner = raw.slice(i + 2, end - 1);
      parts.push({ kind: /[$`]/.test(inner) ? "substitution" : "variable", start: i, end, text: name, quoted });
      i = end;
    } else if (c === "$" && /[A-Za-z_]/.test(raw[i + 1] ?? "")) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1))[0];
      parts.push({ kind: "variable", start: i, end: i + 1 + name.length, text: name, quoted });
      i += 1 + name.length;
    } else if (c === "$" && /[0-9@*#?$!-]/.test(raw[i + 1] ?? "")) {
      parts.push({ kind: "variable", start: i, end: i + 2, text: raw[i + 1], quoted });
      i += 2;
    } else {
      literal(i, i + 1, c, quoted);
      i++;
    }
  }
  return parts;
}
function mayBeNoWord(raw) {
  const parts = wordParts(raw);
  if (parts.some((p) => p.kind === "literal" && !p.quoted && /[*?[]/.test(p.text))) return true;
  return parts.every((p) => (p.kind === "variable" || p.kind === "substitution") && (!p.quoted || p.text === "@" || /\[[@*]\]/.test(raw.slice(p.start, p.end))));
}
function optionWithValue(raw) {
  const parts = wordParts(raw);
  let text = "";
  for (const p of parts) {
    if (p.kind !== "literal") break;
    text += p.text;
  }
  return text.startsWith("-") && text.includes("=");
}
function continuation(optionText, table, subcommand) {
  const code = [...table.code ?? [], ...subcommand !== void 0 ? table.subcommandCode?.[subcommand] ?? [] : []];
  if (optionText.startsWith("+")) return "code";
  if (optionText.startsWith("--")) {
    const name = optionText.split("=")[0];
    if (code.includes(name)) return "code";
    return optionText.includes("=") ? "data" : "word";
  }
  if (code.some((o) => !o.startsWith("--") && o.length > 2 && optionText.startsWith(o))) return "code";
  for (const letter of optionText.split("=")[0].slice(1)) {
    if (code.includes(`-${letter}`)) return "code";
    if (table.args?.includes(`-${letter}`)) return "data";
  }
  return optionText.includes("=") ? "data" : "word";
}
function word(w, program, table, subcommand, out) {
  const leads = `-${table.leads ?? ""}`;
  const parts = wordParts(w.raw);
  const brace = braceBefore(parts);
  if (brace >= 0) {
    for (const p of parts) {
      if (p.kind === "expression" && p.start > brace) out.danger.push({ start: w.start + p.start, end: w.start + p.end, reason: OPTION_REASONS.brace });
    }
    return;
  }
  const first = parts.findIndex((p) => p.kind === "literal" && p.text.length > 0);
  const leadEnd = first < 0 ? w.raw.length : parts[first].start;
  for (const p of parts) {
    const leading = p.start < leadEnd;
    if (p.kind === "expression" && leading) out.operands.push({ start: w.start + p.start, end: w.start + p.end, program, leads, tokens: false });
    if (p.kind === "substitution" && (leading || !p.quoted)) out.operands.push({ start: w.start + p.start, end: w.start + p.end, program, leads, tokens: true });
    if (p.kind === "variable" && (leading || !p.quoted)) out.names.push({ name: p.text, program, leads });
  }
  if (first < 0) return;
  const head = parts[first];
  if (!leads.includes(head.text[0])) return;
  let text = "";
  let k = first;
  for (; k < parts.length && parts[k].kind === "literal"; k++) text += parts[k].text;
  const after = parts[k];
  if (!after) return;
  const verdict = continuation(text, table, subcommand);
  if (verdict === "data") return;
  out.danger.push({ start: w.start + after.start, end: w.end, reason: verdict === "code" ? OPTION_REASONS.codeOption : OPTION_REASONS.optionWord });
}
function braceBefore(parts) {
  for (let i = 0; i < parts.length; i++) {
    const open = parts[i];
    if (open.kind !== "literal" || open.quoted || open.text !== "{") continue;
    let list = false;
    let text = "";
    for (let j = i + 1; j < parts.length; j++) {
      const p = parts[j];
      if (p.kind === "literal" && !p.quoted) {
        if (p.text === "}") {
          if (list && parts.slice(i + 1).some((q) => q.kind === "expression")) return open.start;
          break;
        }
        text += p.text;
        if (p.text === "," || text.endsWith("..")) list = true;
      } else text += "\0";
    }
  }
  return -1;
}
function isOptionWord(lit, leads) {
  return lit.length > 1 && leads.includes(lit[0]);
}
function codeArgument(lit, table, subcommand) {
  if (lit.includes("=")) return false;
  const code = [...table.code ?? [], ...subcommand !== void 0 ? table.subcommandCode?.[subcommand] ?? [] : []];
  if (code.includes(lit)) return true;
  return !lit.startsWith("--") && lit.length > 2 && code.includes(`-${lit[lit.length - 1]}`);
}
function programArguments(words, from, name, out) {
  const table = TABLES[name] ?? {};
  const leads = `-${table.leads ?? ""}`;
  let endOfOptions = false;
  let codeNext = false;
  let argumentNext = false;
  let subcommand;
  for (let k = from; k < words.length; k++) {
    const w = words[k];
    const lit = literalWord(w.raw);
    if (codeNext) {
      codeNext = lit === null && mayBeNoWord(w.raw);
      if (lit === null) out.danger.push({ start: w.start, end: w.end, reason: OPTION_REASONS.codeOption });
      continue;
    }
    if (argumentNext) {
      argumentNext = false;
      continue;
    }
    if (!endOfOptions && lit === "--") {
      endOfOptions = true;
      continue;
    }
    if (lit !== null) {
      if (!endOfOptions && isOptionWord(lit, leads)) {
        if (codeArgument(lit, table, subcommand)) codeNext = true;
        else if (table.args?.includes(lit)) argumentNext = true;
      } else if (table.subcommands && subcommand === void 0) {
        subcommand = lit;
        if (table.codeSubcommands?.includes(lit)) return refuseExpressionsFrom(words, k + 1, OPTION_REASONS.subcommand, out);
      }
      continue;
    }
    if (!endOfOptions && table.subcommands && subcommand === void 0 && table.codeSubcommands?.length && !/^["']?-/.test(w.raw)) {
      return refuseExpressionsFrom(words, k, OPTION_REASONS.subcommand, out);
    }
    if (endOfOptions) continue;
    word(w, name, table, subcommand, out);
  }
}
function refuseExpressionsFrom(words, from, reason, out) {
  for (let k = from; k < words.length; k++) {
    const w = words[k];
    out.danger.push({ start: w.start, end: w.end, reason });
  }
}
function findArguments(words, from, to, out) {
  for (let k = from; k < to; k++) {
    const w = words[k];
    if (literalWord(w.raw) !== null) continue;
    const before = k > from ? literalWord(words[k - 1].raw) : null;
    if (before !== null && FIND_ARGS.has(before)) continue;
    word(w, "find", {}, void 0, out);
  }
}
function testArguments(words, from, bracket, out) {
  const end = bracket && literalWord(words[words.length - 1]?.raw ?? "") === "]" ? words.length - 1 : words.length;
  for (let k = from; k < end; k++) {
    const w = words[k];
    if (literalWord(w.raw) !== null || k + 1 >= end) continue;
    const next = literalWord(words[k + 1].raw);
    if (next !== null && TEST_BINARY.has(next)) continue;
    word(w, "test", {}, void 0, out);
  }
}
function optionOperand(w, program, out) {
  if (w && literalWord(w.raw) === null) word(w, program, TABLES[program] ?? {}, void 0, out);
}
function literalWord(raw) {
  let out = "";
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === "$" || c === "`") return null;
    if (c === "\\") {
      if (raw[i + 1] === "\n") {
        i += 2;
        continue;
      }
      out += raw[i + 1] ?? "";
      i += 2;
    } else if (c === "'") {
      const close = raw.indexOf("'", i + 1);
      if (close < 0) return null;
      out += raw.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < raw.length && raw[j] !== '"') {
        if (raw[j] === "$" || raw[j] === "`") return null;
        if (raw[j] === "\\" && '$`"\\\n'.includes(raw[j + 1] ?? "")) {
          out += raw[j + 1] === "\n" ? "" : raw[j + 1];
          j += 2;
        } else {
          out += raw[j];
          j++;
        }
      }
      if (j >= raw.length) return null;
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

// src/spec/shell-commands.ts
var REASONS = {
  commandName: "an expression as the command name chooses the program to run",
  unknownTarget: "the value is assigned to a variable whose name is not a literal word, which the script may evaluate",
  unknownCommand: "the command name is not a literal word, so what the command does with its arguments cannot be told",
  arithmetic: "bash evaluates this word as arithmetic, where a value such as a[$(cmd)] runs cmd",
  subscript: "an array subscript is evaluated as arithmetic, where a value such as a[$(cmd)] runs cmd",
  variableName: "bash takes this word as a variable name, whose subscript it evaluates as arithmetic (a[$(cmd)] runs cmd)",
  declaredEvaluating: "this declaration gives the variable an attribute (-i, -a, -A or -n) under which bash evaluates the value",
  code: "this word is run as code",
  commandArgument: "this word is run as a command (or its argument) by a program that runs commands",
  scriptFile: "this word names the file of code to run",
  unknownOption: "this option is not one the check knows, so the rest of the command cannot be classified",
  launcherCommand: "this program runs a command given among its arguments, and the value may be that command or the option that names it; write an option and its value as --option=VALUE",
  stdinCode: "this text becomes the standard input of a command that runs its input as code"
};
var PREFIX_KEYWORDS = /* @__PURE__ */ new Set(["if", "then", "else", "elif", "do", "while", "until", "!", "{", "}", "fi", "done", "esac"]);
function mayVanish(raw) {
  let anchored = false;
  let glob = false;
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (raw.startsWith("${{", i)) {
      anchored = true;
      const close = raw.indexOf("}}", i + 3);
      i = close < 0 ? raw.length : close + 2;
    } else if (c === "\\") {
      anchored = true;
      i += 2;
    } else if (c === "'" || c === "$" && raw[i + 1] === "'") {
      anchored = true;
      const open = c === "$" ? i + 1 : i;
      let j = open + 1;
      while (j < raw.length && raw[j] !== "'") j += c === "$" && raw[j] === "\\" ? 2 : 1;
      i = j + 1;
    } else if (c === '"' || c === "$" && raw[i + 1] === '"') {
      let j = (c === "$" ? i + 1 : i) + 1;
      while (j < raw.length && raw[j] !== '"') j += raw[j] === "\\" ? 2 : 1;
      if (!raw.slice(i, j).includes("@")) anchored = true;
      i = j + 1;
    } else if (c === "$" && (raw[i + 1] === "(" || raw[i + 1] === "{" || raw[i + 1] === "[")) {
      const open = raw[i + 1];
      const close = open === "(" ? ")" : open === "{" ? "}" : "]";
      let depth = 0;
      let j = i + 1;
      for (; j < raw.length; j++) {
        if (raw[j] === open) depth++;
        else if (raw[j] === close && --depth === 0) break;
      }
      i = j + 1;
    } else if (c === "$" && /[A-Za-z0-9_@*#?$!-]/.test(raw[i + 1] ?? "")) {
      i += /[A-Za-z_]/.test(raw[i + 1]) ? /^\$[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i))[0].length : 2;
    } else if (c === "`") {
      let j = i + 1;
      while (j < raw.length && raw[j] !== "`") j += raw[j] === "\\" ? 2 : 1;
      i = j + 1;
    } else {
      if ("*?[".includes(c)) glob = true;
      else anchored = true;
      i++;
    }
  }
  return !anchored || glob;
}
function assignmentParts(raw) {
  const head = /^([A-Za-z_][A-Za-z0-9_]*)(\+?=|\[)/.exec(raw);
  if (!head) return void 0;
  const name = head[1];
  if (head[2] !== "[") return { name, subscript: false, valueOffset: head[0].length };
  const close = /\]\+?=/.exec(raw.slice(name.length));
  if (!close) return void 0;
  return { name, subscript: true, valueOffset: name.length + close.index + close[0].length };
}
function basename(word2) {
  return word2.slice(word2.lastIndexOf("/") + 1);
}
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "yash", "posh", "rbash", "ksh93", "busybox"]);
var PYTHON = {
  code: ["-c"],
  codeName: ["-m"],
  dataArg: ["-W", "-X", "--check-hash-based-pycs"],
  flags: ["-b", "-bb", "-B", "-d", "-E", "-i", "-I", "-O", "-OO", "-P", "-q", "-s", "-S", "-u", "-v", "-V", "-x", "-h", "--version", "--help"]
};
var INTERPRETERS = {
  python: PYTHON,
  node: {
    code: ["-e", "--eval", "-p", "--print"],
    codeName: ["-r", "--require", "--import", "--loader", "--experimental-loader"],
    dataArg: ["--title"],
    flags: [
      "-v",
      "--version",
      "-h",
      "--help",
      "--no-warnings",
      "--enable-source-maps",
      "--trace-warnings",
      "--trace-uncaught",
      "--expose-gc",
      "--no-deprecation",
      "--throw-deprecation",
      "--trace-deprecation"
    ]
  },
  perl: {
    code: ["-e", "-E"],
    codeName: ["-M", "-m", "-I", "-x"],
    dataArg: [],
    flags: ["-w", "-W", "-X", "-s", "-T", "-t", "-n", "-p", "-a", "-l", "-c", "-v", "-0", "-C", "-U", "-S", "-d"]
  },
  ruby: {
    code: ["-e"],
    codeName: ["-r", "-I"],
    dataArg: [],
    flags: ["-w", "-W", "-v", "--version", "-n", "-p", "-a", "-l", "-c", "-d", "-s"]
  },
  php: {
    code: ["-r", "-B", "-R", "-E"],
    // -F runs a file per input line; -c and -d can name an ini that prepends code (auto_prepend_file).
    codeName: ["-f", "-F", "-c", "-d", "-z"],
    dataArg: [],
    flags: ["-n", "-q", "-H", "-h", "-v", "-i", "-l", "-s", "-w", "-a", "-e", "--version", "--help"]
  },
  lua: { code: ["-e"], codeName: ["-l"], dataArg: [], flags: ["-i", "-v", "-E", "-W"] },
  luajit: { code: ["-e"], codeName: ["-l", "-j", "-b"], dataArg: [], flags: ["-i", "-v", "-E"] },
  julia: {
    code: ["-e", "--eval", "-E", "--print"],
    codeName: ["-L", "--load", "-J", "--sysimage"],
    dataArg: ["-t", "--threads", "-p", "--procs"],
    flags: ["-q", "--quiet", "-i", "-O", "-g", "--version", "-v", "-h", "--help"]
  },
  R: {
    code: ["-e"],
    codeName: ["-f", "--file"],
    dataArg: [],
    flags: [
      "--vanilla",
      "--no-save",
      "--save",
      "--no-restore",
      "--slave",
      "--no-echo",
      "-q",
      "--quiet",
      "--silent",
      "--no-environ",
      "--no-site-file",
      "--no-init-file",
      "--args"
    ]
  },
  Rscript: {
    code: ["-e"],
    codeName: [],
    dataArg: [],
    flags: ["--vanilla", "--verbose", "--default-packages", "--no-environ", "--no-site-file", "--no-init-file", "--no-restore", "--no-save"]
  }
};
function interpreterOf(name) {
  if (/^python[0-9.]*$/.test(name)) return PYTHON;
  if (name === "nodejs") return INTERPRETERS.node;
  return Object.hasOwn(INTERPRETERS, name) ? INTERPRETERS[name] : void 0;
}
var CODE_BUILTINS = /* @__PURE__ */ new Set(["eval", "source", ".", "trap", "fc", "alias", "complete", "compgen", "compopt", "bind", "enable", "jobs", "coproc", "history"]);
var WRAPPERS = {
  env: { dataArg: ["-u", "--unset", "-C", "--chdir"], flags: ["-i", "--ignore-environment", "-0", "--null", "-"], assignments: true },
  nice: { dataArg: ["-n", "--adjustment"], flags: [] },
  nohup: { dataArg: [], flags: [] },
  timeout: { dataArg: ["-s", "--signal", "-k", "--kill-after"], flags: ["--preserve-status", "--foreground", "-v", "--verbose"], leadingOperands: 1 },
  stdbuf: { dataArg: ["-i", "-o", "-e"], flags: [] },
  setsid: { dataArg: [], flags: ["-w", "--wait", "-f", "--fork", "-c", "--ctty"] },
  time: { dataArg: ["-f", "--format", "-o", "--output"], flags: ["-p", "-a", "--append", "-v", "--verbose", "-q", "--quiet", "--portability"] },
  xargs: {
    dataArg: [
      "-I",
      "-n",
      "-L",
      "-P",
      "-d",
      "-E",
      "-s",
      "-a",
      "--max-args",
      "--max-lines",
      "--max-procs",
      "--delimiter",
      "--eof",
      "--max-chars",
      "--arg-file",
      "--replace"
    ],
    flags: ["-0", "--null", "-r", "--no-run-if-empty", "-t", "--verbose", "-x", "--exit", "-p", "--interactive", "-i", "--open-tty", "-o"]
  },
  sudo: {
    dataArg: ["-u", "--user", "-g", "--group", "-C", "-D", "--chdir", "-h", "--host", "-p", "--prompt", "-U"],
    flags: ["-E", "-H", "-n", "-k", "-K", "-S", "-b", "-P", "--preserve-env", "--non-interactive"]
  },
  doas: { dataArg: ["-u", "-C"], flags: ["-n", "-s"] },
  chroot: { dataArg: ["--userspec", "--groups"], flags: ["--skip-chdir"], leadingOperands: 1 },
  command: { dataArg: [], flags: ["-p"] },
  builtin: { dataArg: [], flags: [] },
  exec: { dataArg: ["-a"], flags: ["-c", "-l", "-cl", "-lc"] },
  time_keyword: { dataArg: [], flags: ["-p"] },
  nocorrect: { dataArg: [], flags: [] }
};
var LAUNCHERS = {
  mpirun: null,
  mpiexec: null,
  srun: null,
  salloc: null,
  torchrun: null,
  deepspeed: null,
  horovodrun: null,
  "xvfb-run": null,
  "dbus-run-session": null,
  unshare: null,
  nsenter: null,
  ionice: null,
  taskset: null,
  chrt: null,
  numactl: null,
  prlimit: null,
  "systemd-run": null,
  firejail: null,
  bwrap: null,
  fakeroot: null,
  valgrind: null,
  catchsegv: null,
  uv: "run",
  poetry: "run",
  pipenv: "run",
  pdm: "run",
  hatch: "run",
  conda: "run",
  mamba: "run",
  micromamba: "run",
  pixi: "run",
  accelerate: "launch"
};
function knownRunner(word2) {
  const name = basename(word2);
  return SHELLS.has(name) || interpreterOf(name) !== void 0 || Object.hasOwn(WRAPPERS, name) || Object.hasOwn(LAUNCHERS, name) || RUNS_OPERANDS_AS_CODE.has(name) || runsItsArguments(name) !== void 0 || hasOptionTable(name) || ["awk", "gawk", "mawk", "nawk", "sed", "gsed", "find"].includes(name);
}
var RUNS_OPERANDS_AS_CODE = /* @__PURE__ */ new Set(["watch", "ssh", "su", "parallel", "script", "flock", "runuser", "sg", "unbuffer", "strace", "ltrace", "gdb", "expect"]);
var STDIN_CODE_PROGRAMS = /* @__PURE__ */ new Set([
  "m4",
  "dc",
  "gdb",
  "lldb",
  "ed",
  "ex",
  "vi",
  "vim",
  "nvim",
  "emacs",
  "make",
  "gmake",
  "at",
  "batch",
  "crontab",
  "sqlite3",
  "mysql",
  "psql",
  "duckdb",
  "expect",
  "tclsh",
  "wish",
  "lua",
  "luajit",
  "julia",
  "R",
  "Rscript",
  "irb",
  "jshell",
  "osascript",
  "pwsh",
  "powershell",
  "deno",
  "bun",
  "ftp",
  "sftp",
  "telnet",
  "busybox"
]);
var STDIN_PATHS = /* @__PURE__ */ new Set(["-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]);
var ARITHMETIC_TEST_OPERATORS = /* @__PURE__ */ new Set(["-eq", "-ne", "-lt", "-le", "-gt", "-ge"]);
var TEST_BINARY_OPERATORS = /* @__PURE__ */ new Set(["=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"]);
function isOption(word2) {
  return word2 !== null && word2.length > 1 && (word2.startsWith("-") || word2.startsWith("+"));
}
var Classifier = class _Classifier {
  constructor(words) {
    this.words = words;
  }
  words;
  result = {
    danger: [],
    assignments: [],
    filled: [],
    fillsUnknown: false,
    dumpsEnvironment: false,
    writes: [],
    codeFiles: [],
    evaluatingNames: [],
    evaluatingUnknownName: false,
    readsStdinAsCode: false,
    readsStdinIntoVariables: false,
    optionOperands: [],
    optionNames: []
  };
  /** Where the findings of shell-options.ts go: the same arrays as the result's. */
  get findings() {
    return { danger: this.result.danger, operands: this.result.optionOperands, names: this.result.optionNames };
  }
  literal(i) {
    const w = this.words[i];
    return w === void 0 ? null : literalWord(w.raw);
  }
  refuse(i, reason) {
    const w = this.words[i];
    if (w) this.result.danger.push({ start: w.start, end: w.end, reason });
  }
  /**
   * Refuses the operand at `i` for `reason`, and the words after it as long as the word before may
   * expand to nothing (`sh -c $f "$value"`: with f empty, the value is the code).
   */
  refuseOperand(i, reason) {
    this.refuse(i, reason);
    if (reason === REASONS.scriptFile) this.codeFile(i);
    while (i + 1 < this.words.length && mayVanish(this.words[i].raw)) this.refuse(++i, reason);
  }
  /** Whether the file operand at `i` may be standard input: `/dev/stdin`, or a word that may vanish. */
  readsStdin(i) {
    const w = this.words[i];
    return w !== void 0 && (mayVanish(w.raw) || STDIN_PATHS.has(this.literal(i) ?? ""));
  }
  /** The word at `i` names a file of code (and so do the words after it while it may vanish). */
  codeFile(i) {
    for (; i < this.words.length; i++) {
      const w = this.words[i];
      this.result.codeFiles.push(w.raw);
      if (!mayVanish(w.raw)) break;
    }
  }
  refuseFrom(i, reason) {
    if (reason === REASONS.unknownOption || reason === REASONS.unknownCommand) this.result.readsStdinAsCode = true;
    for (let k = i; k < this.words.length; k++) this.refuse(k, reason);
  }
  run() {
    let i = 0;
    for (; i < this.words.length; i++) {
      const lit = this.literal(i);
      if (lit !== null && PREFIX_KEYWORDS.has(lit)) continue;
      if (lit === "time") {
        while (this.literal(i + 1) === "-p" || this.literal(i + 1) === "--") i++;
        continue;
      }
      const w = this.words[i];
      const parts = assignmentParts(w.raw);
      if (!parts) break;
      this.assignment(w, parts, false);
    }
    this.command(i);
  }
  /** A word `NAME=value`: the name part is a variable name (and subscript); the value is data unless `evaluates`. */
  assignment(w, parts, evaluates) {
    const valueStart = w.start + parts.valueOffset;
    this.result.danger.push({ start: w.start, end: valueStart, reason: parts.subscript ? REASONS.subscript : REASONS.variableName });
    if (evaluates) this.result.danger.push({ start: valueStart, end: w.end, reason: REASONS.declaredEvaluating });
    this.result.assignments.push({ name: parts.name, start: valueStart, end: w.end });
  }
  /** Classifies the command whose name is word `i` and its arguments. */
  command(i) {
    if (i >= this.words.length) return;
    const nameWord = this.literal(i);
    if (nameWord === null) {
      this.refuse(i, REASONS.commandName);
      this.refuseFrom(i + 1, REASONS.unknownCommand);
      return;
    }
    const name = basename(nameWord);
    this.result.name ??= name;
    if (STDIN_CODE_PROGRAMS.has(name)) this.result.readsStdinAsCode = true;
    if (nameWord.includes("/")) this.result.codeFiles.push(this.words[i].raw);
    const args = i + 1;
    if (name === "printenv" || name === "set" && args >= this.words.length || this.words.slice(args).some((w) => w.raw.includes("environ"))) {
      this.result.dumpsEnvironment = true;
    }
    if (name === "for" || name === "select") return this.forLoop(args);
    if (name === "function") {
      this.refuse(args, REASONS.variableName);
      let body = args + 1;
      while (body < this.words.length && ["(", ")", "()"].includes(this.literal(body) ?? "")) body++;
      if (this.literal(body) !== "{") return;
      const inner = new _Classifier(this.words.slice(body + 1));
      inner.run();
      return this.merge(inner);
    }
    if (name === "case" || name === "[[" || name === "]]" || name === "in") return;
    if (name === "let") return this.refuseFrom(args, REASONS.arithmetic);
    if (CODE_BUILTINS.has(name)) {
      if (name === "eval" || name === "source" || name === "." || name === "coproc") this.result.readsStdinAsCode = true;
      if (name === "source" || name === ".") this.codeFile(args);
      return this.refuseFrom(args, REASONS.code);
    }
    if (name === "dd") {
      for (const w of this.words.slice(args)) if (w.raw.startsWith("of=")) this.result.writes.push(w.raw.slice(3));
    }
    if (name === "sponge") {
      for (let k = args; k < this.words.length; k++) if (!isOption(this.literal(k))) this.result.writes.push(this.words[k].raw);
    }
    if (name === "tee") {
      for (let k = args; k < this.words.length; k++) if (!isOption(this.literal(k))) this.result.writes.push(this.words[k].raw);
      return programArguments(this.words, args, name, this.findings);
    }
    if (name === "hash") {
      this.options(args, { "-p": REASONS.commandName }, "lrdt");
      return;
    }
    if (["declare", "typeset", "local", "export", "readonly"].includes(name)) return this.declaration(name, args);
    if (name === "unset") return this.namesAfterOptions(args, [], REASONS.variableName);
    if (name === "read") return this.read(args);
    if (name === "mapfile" || name === "readarray") return this.mapfile(args);
    if (name === "printf") return this.printf(args);
    if (name === "getopts") return this.getopts(args);
    if (name === "wait") return this.wait(args);
    if (name === "test" || name === "[") return this.test(args);
    if (SHELLS.has(name)) return this.shell(name, args);
    const runs = runsItsArguments(name);
    if (runs) return this.refuseFrom(args, runs);
    const interpreter = interpreterOf(name);
    if (interpreter) return this.interpreter(interpreter, args);
    if (["awk", "gawk", "mawk", "nawk"].includes(name)) return this.awk(args);
    if (name === "sed" || name === "gsed") return this.sed(args);
    if (name === "find") return this.find(args);
    if (RUNS_OPERANDS_AS_CODE.has(name)) {
      this.result.readsStdinAsCode = true;
      return this.refuseFrom(args, REASONS.commandArgument);
    }
    if (name === "command" && ["-v", "-V", "-pv", "-pV"].includes(this.literal(args) ?? "")) return;
    if (name === "time" || Object.hasOwn(WRAPPERS, name)) return this.wrapper(WRAPPERS[name], args);
    if (Object.hasOwn(LAUNCHERS, name)) return this.launcher(name, args, LAUNCHERS[name]);
    if (checksOptions(nameWord, name)) programArguments(this.words, args, name, this.findings);
  }
  forLoop(i) {
    const name = this.literal(i);
    if (name === null) return this.refuse(i, REASONS.variableName);
    const list = this.words.slice(i + 1);
    const first = list.findIndex((w2) => literalWord(w2.raw) === "in");
    const values = first < 0 ? [] : list.slice(first + 1);
    const last = values[values.length - 1];
    if (values.length && last) this.result.assignments.push({ name, start: values[0].start, end: last.end });
    const w = this.words[i];
    if (first < 0) this.result.assignments.push({ name, start: w.start, end: w.end, positional: true });
    if (first < 0 && literalWord(list[0]?.raw ?? "") === "do") {
      const inner = new _Classifier(list.slice(1));
      inner.run();
      this.merge(inner);
    }
  }
  /** Options (of `allowed` letters, or any if empty) and then operands that are variable names. */
  namesAfterOptions(i, _allowed, reason) {
    for (; i < this.words.length; i++) {
      const lit = this.literal(i);
      if (lit === "--") {
        i++;
        break;
      }
      if (!isOption(lit)) break;
    }
    this.refuseFrom(i, reason);
  }
  declaration(builtin, i) {
    const evaluating = builtin === "export" ? "" : "iaAn";
    const known = builtin === "export" ? "fnp" : builtin === "readonly" ? "aAfp" : "aAfFgilnprtuxI";
    let evaluates = false;
    let optionsMayFollow = true;
    for (; i < this.words.length; i++) {
      const lit = this.literal(i);
      if (lit === "--") {
        i++;
        optionsMayFollow = false;
        break;
      }
      if (lit === null && /^[-+]/.test(this.words[i]?.raw ?? "")) {
        this.refuseFrom(i, REASONS.unknownOption);
        return;
      }
      if (!isOption(lit)) break;
      const letters = lit.slice(1);
      if ([...letters].some((l) => !known.includes(l))) {
        this.refuseFrom(i, REASONS.unknownOption);
        return;
      }
      if ([...letters].some((l) => evaluating.includes(l))) evaluates = true;
      if (letters.includes("p")) this.result.dumpsEnvironment = true;
    }
    if (i >= this.words.length) this.result.dumpsEnvironment = true;
    for (; i < this.words.length; i++) {
      const w = this.words[i];
      const parts = assignmentParts(w.raw);
      if (parts) {
        optionsMayFollow = false;
        this.assignment(w, parts, evaluates);
        if (evaluates) this.result.evaluatingNames.push(parts.name);
        continue;
      }
      this.refuse(i, REASONS.variableName);
      const lit = this.literal(i);
      if (lit === null && optionsMayFollow && evaluating) {
        evaluates = true;
        this.result.evaluatingUnknownName = true;
      }
      if (lit !== null) optionsMayFollow = false;
      if (evaluates) {
        if (lit !== null && /^[A-Za-z_][A-Za-z0-9_]*$/.test(lit)) this.result.evaluatingNames.push(lit);
        else this.result.evaluatingUnknownName = true;
      }
    }
  }
  /** Walks options: `withArg` maps an option to the reason its argument is refused (undefined: data). */
  options(i, withArg, flags, onName) {
    for (; i < this.words.length; i++) {
      const lit = this.literal(i);
      if (lit === "--") return i + 1;
      if (lit === null) {
        if (/^[-+]/.test(this.words[i]?.raw ?? "")) {
          this.refuseFrom(i, REASONS.unknownOption);
          return this.words.length;
        }
        return i;
      }
      if (!isOption(lit)) return i;
      const letters = lit.slice(1);
      for (let k = 0; k < letters.length; k++) {
        const option = `-${letters[k]}`;
        if (flags.includes(letters[k])) continue;
        if (!Object.hasOwn(withArg, option)) {
          this.refuseFrom(i, REASONS.unknownOption);
          return this.words.length;
        }
        const reason = withArg[option];
        const attached = letters.slice(k + 1);
        if (attached) {
          if (reason) this.refuse(i, reason);
          if (onName && option === "-a") onName(attached);
        } else {
          i++;
          if (reason) this.refuse(i, reason);
          const arg = this.literal(i);
          if (onName && (option === "-a" || option === "-v" || option === "-p")) onName(arg);
        }
        break;
      }
    }
    return i;
  }
  fill(name) {
    if (name === null) this.result.fillsUnknown = true;
    else this.result.filled.push(name);
  }
  read(i) {
    this.result.readsStdinIntoVariables = true;
    const rest = this.options(
      i,
      { "-a": REASONS.variableName, "-d": void 0, "-i": void 0, "-n": void 0, "-N": void 0, "-p": void 0, "-t": void 0, "-u": void 0 },
      "ers",
      (n) => this.fill(n)
    );
    for (let k = rest; k < this.words.length; k++) this.fill(this.literal(k));
    this.refuseFrom(rest, REASONS.variableName);
  }
  mapfile(i) {
    this.result.readsStdinIntoVariables = true;
    if (this.words.slice(i).some((w) => /^-[A-Za-z]*C/.test(literalWord(w.raw) ?? ""))) this.result.readsStdinAsCode = true;
    const rest = this.options(
      i,
      { "-C": REASONS.code, "-c": void 0, "-d": void 0, "-n": void 0, "-O": void 0, "-s": void 0, "-u": void 0 },
      "t"
    );
    this.fill(rest >= this.words.length ? "MAPFILE" : this.literal(rest));
    this.refuseFrom(rest, REASONS.variableName);
  }
  printf(i) {
    const named = [];
    const rest = this.options(i, { "-v": REASONS.variableName }, "", (n) => {
      if (n === null) return;
      this.fill(n);
      named.push(n);
    });
    const setsVariable = this.words.slice(i, rest).some((w) => /^-[A-Za-z]*v/.test(literalWord(w.raw) ?? ""));
    if (this.literal(rest - 1) !== "--") optionOperand(this.words[rest], "printf", this.findings);
    const format = this.words[rest];
    if (format && this.literal(rest) === null && (/\$\{?[@*]/.test(format.raw) || mayVanish(format.raw)) && !/^\$\{\{/.test(format.raw)) {
      this.refuse(rest, REASONS.variableName);
      this.refuseFrom(rest + 1, REASONS.unknownTarget);
      return;
    }
    const first = this.words[rest];
    const last = this.words[this.words.length - 1];
    if (!setsVariable || !first || !last) return;
    if (named.length) for (const name of named) this.result.assignments.push({ name, start: first.start, end: last.end });
    else this.refuseFrom(rest, REASONS.unknownTarget);
  }
  getopts(i) {
    this.fill(this.literal(i + 1));
    this.refuse(i + 1, REASONS.variableName);
    if (this.literal(i) === null) this.refuseFrom(i, REASONS.variableName);
  }
  wait(i) {
    this.options(i, { "-p": REASONS.variableName }, "fn", (n) => n !== null && this.fill(n));
    for (let k = i; k < this.words.length; k++) if (this.literal(k) === null) this.refuse(k, REASONS.variableName);
  }
  /**
   * `test`/`[`: -v and -R take a variable name; with them anywhere, every operand is refused. So they
   * are when an operand from an expansion may be such an operator (`test "$op" "$x"`): anywhere but
   * in the plain forms `[ W ]` and `[ W OP W ]` with a literal binary operator.
   */
  test(i) {
    const operands = this.words.slice(i).map((w) => literalWord(w.raw));
    if (this.literal(i - 1) === "[" && operands[operands.length - 1] === "]") operands.pop();
    const plain = operands.length <= 1 || operands.length === 3 && TEST_BINARY_OPERATORS.has(operands[1] ?? "");
    const expansions = this.words.slice(i, i + operands.length - 1).filter((w) => literalWord(w.raw) === null && !/^"?\$\{\{[^}]*\}\}"?$/.test(w.raw));
    const operatorFromExpansion = !plain && expansions.length > 0;
    if (operatorFromExpansion || operands.some((o) => o === "-v" || o === "-R")) this.refuseFrom(i, REASONS.variableName);
    testArguments(this.words, i, this.literal(i - 1) === "[", this.findings);
  }
  shell(name, i) {
    let code = false;
    let stdin = false;
    if (name === "busybox") {
      const applet = this.literal(i);
      if (applet === null) return this.refuseFrom(i, REASONS.unknownCommand);
      return this.command(i);
    }
    for (; i < this.words.length; i++) {
      const lit = this.literal(i);
      if (lit === "--" || lit === "-") {
        i++;
        break;
      }
      if (lit === null) {
        if (/^[-+]/.test(this.words[i]?.raw ?? "")) return this.refuseFrom(i, REASONS.unknownOption);
        break;
      }
      if (!isOption(lit)) break;
      if (lit.startsWith("--")) {
        if (["--rcfile", "--init-file"].includes(lit)) {
          this.refuseOperand(++i, REASONS.scriptFile);
          continue;
        }
        if ([
          "--norc",
          "--noprofile",
          "--posix",
          "--login",
          "--restricted",
          "--verbose",
          "--noediting",
          "--debugger",
          "--dump-strings",
          "--dump-po-strings",
          "--pretty-print",
          "--version",
          "--help"
        ].includes(lit))
          continue;
        return this.refuseFrom(i, REASONS.unknownOption);
      }
      const letters = lit.slice(1);
      if (letters.includes("c")) code = true;
      if (letters.includes("s")) stdin = true;
      if (/[oO]/.test(letters)) i++;
      if (!/^[a-zA-Z]+$/.test(letters)) return this.refuseFrom(i, REASONS.unknownOption);
    }
    if (code) {
      this.refuseOperand(i, REASONS.code);
      return;
    }
    if (stdin || i >= this.words.length || this.literal(i) === null || this.readsStdin(i)) this.result.readsStdinAsCode = true;
    if (stdin || i >= this.words.length) return;
    this.refuseOperand(i, REASONS.scriptFile);
  }
  interpreter(spec, i) {
    for (; i < this.words.length; i++) {
      const lit = this.literal(i);
      if (lit === "--") {
        i++;
        break;
      }
      if (lit === "-") {
        this.result.readsStdinAsCode = true;
        return;
      }
      if (lit === null) {
        if (/^-/.test(this.words[i]?.raw ?? "")) return this.refuseFrom(i, REASONS.unknownOption);
        break;
      }
      if (!lit.startsWith("-") || lit.length < 2) break;
      const [option, inline] = lit.startsWith("--") ? lit.split("=", 2) : [lit.slice(0, 2), lit.length > 2 ? lit.slice(2) : void 0];
      if (spec.code.includes(option)) {
        if (inline === void 0) this.refuseOperand(i + 1, REASONS.code);
        else this.refuse(i, REASONS.code);
        return;
      }
      if (spec.codeName.includes(option)) {
        if (inline === void 0) this.refuseOperand(++i, REASONS.scriptFile);
        else this.refuse(i, REASONS.scriptFile);
        if (option === "-m") {
          const module = inline ?? this.literal(i);
          if (module !== null && hasOptionTable(module)) programArguments(this.words, i + 1, module, this.findings);
          return;
        }
        continue;
      }
      if (spec.dataArg.includes(option)) {
        if (inline === void 0) i++;
        continue;
      }
      if (spec.flags.includes(lit) || spec.flags.includes(option)) continue;
      if (lit.startsWith("--") && inline !== void 0) continue;
      return this.refuseFrom(i, REASONS.unknownOption);
    }
    if (i >= this.words.length || this.literal(i) === null || this.readsStdin(i)) this.result.readsStdinAsCode = true;
    if (i >= this.words.length) return;
    this.refuseOperand(i, REASONS.scriptFile);
  }
  awk(i) {
    let program = true;
    for (; i < this.words.length; i++) {
      const lit = this.literal(i);
      if (lit === "--") {
        i++;
        break;
      }
      if (lit === null) {
        if (/^-/.test(this.words[i]?.raw ?? "")) return this.refuseFrom(i, REASONS.unknownOption);
        break;
      }
      if (!lit.startsWith("-") || lit.length < 2) break;
      const option = lit.slice(0, 2);
      const inline = lit.length > 2;
      if (option === "-f" || option === "-e" || lit === "--source" || lit === "--file" || option === "-i" || option === "-l") {
        program = program && option !== "-f" && lit !== "--file";
        if (inline) this.refuse(i, REASONS.code);
        else this.refuseOperand(++i, REASONS.code);
        if (option === "-f" || lit === "--file") {
          if (inline) this.result.codeFiles.push(lit.startsWith("--") ? lit.slice(lit.indexOf("=") + 1) : lit.slice(2));
          else this.codeFile(i);
        }
        if ((option === "-f" || lit === "--file") && !inline && this.readsStdin(i)) this.result.readsStdinAsCode = true;
        if (option === "-e" || lit === "--source") program = false;
        continue;
      }
      if (option === "-F" || option === "-v") {
        if (!inline) i++;
        continue;
      }
      return this.refuseFrom(i, REASONS.unknownOption);
    }
    if (program) this.refuseOperand(i, REASONS.code);
    else if (this.literal(i - 1) !== "--") optionOperand(this.words[i], "awk", this.findings);
  }
  sed(i) {
    let script = true;
    for (; i < this.words.length; i++) {
      const lit = this.literal(i);
      if (lit === "--") {
        i++;
        break;
      }
      if (lit === null) {
        if (/^-/.test(this.words[i]?.raw ?? "")) return this.refuseFrom(i, REASONS.unknownOption);
        break;
      }
      if (!lit.startsWith("-") || lit.length < 2) break;
      if (/^-[nErsuz]+$/.test(lit) || /^-i/.test(lit) || ["--quiet", "--silent", "--regexp-extended", "--separate", "--unbuffered", "--null-data", "--posix", "--debug", "--sandbox"].includes(lit) || lit.startsWith("--in-place"))
        continue;
      if (/^-[nErsuz]*[ef]/.test(lit) || lit.startsWith("--expression") || lit.startsWith("--file")) {
        script = false;
        if (/^-[nErsuz]*[ef]$/.test(lit) || lit === "--expression" || lit === "--file") {
          this.refuseOperand(++i, REASONS.code);
          if (lit.endsWith("f") || lit === "--file") {
            this.codeFile(i);
            if (this.readsStdin(i)) this.result.readsStdinAsCode = true;
          }
        } else {
          this.refuse(i, REASONS.code);
          const inline = /^-[nErsuz]*f(.+)$/.exec(lit)?.[1] ?? (lit.startsWith("--file=") ? lit.slice(7) : void 0);
          if (inline !== void 0) {
            this.result.codeFiles.push(inline);
            if (STDIN_PATHS.has(inline)) this.result.readsStdinAsCode = true;
          }
        }
        continue;
      }
      if (lit === "-l" || lit === "--line-length") {
        i++;
        continue;
      }
      return this.refuseFrom(i, REASONS.unknownOption);
    }
    if (script) this.refuseOperand(i, REASONS.code);
    if (this.literal(i - 1) !== "--") programArguments(this.words, script ? i + 1 : i, "sed", this.findings);
  }
  /** `find ... -exec cmd args ;`: the words up to `;` or `+` are a command of their own. */
  find(i) {
    let from = i;
    for (; i < this.words.length; i++) {
      const lit = this.literal(i);
      if (lit === "-exec" || lit === "-execdir" || lit === "-ok" || lit === "-okdir") {
        findArguments(this.words, from, i, this.findings);
        let end = i + 1;
        while (end < this.words.length && !(this.literal(end) === ";" || this.literal(end) === "+")) end++;
        const inner = new _Classifier(this.words.slice(i + 1, end));
        inner.command(0);
        this.merge(inner);
        i = end;
        from = end + 1;
      } else if (lit === "-fprintf" || lit === "-fprint" || lit === "-fprint0" || lit === "-fls" || lit === "-delete") {
        continue;
      }
    }
    findArguments(this.words, from, this.words.length, this.findings);
  }
  /** A launcher (LAUNCHERS): every literal word that is not an option may be the command it runs. */
  launcher(name, i, subcommand) {
    if (subcommand !== null) {
      let k = i;
      while (k < this.words.length && isOption(this.literal(k))) k++;
      if (name === "uv" && this.literal(k) === "pip") return programArguments(this.words, k + 1, "pip", this.findings);
      if (this.literal(k) !== subcommand) return programArguments(this.words, i, name, this.findings);
      i = k + 1;
    }
    let command = false;
    for (let k = i; k < this.words.length; k++) {
      const lit = this.literal(k);
      if (lit === null) {
        if (!command && !optionWithValue(this.words[k].raw)) return this.refuseFrom(k, REASONS.launcherCommand);
        continue;
      }
      if (lit === "--" || isOption(lit)) continue;
      command = true;
      const inner = new _Classifier(this.words.slice(k));
      inner.command(0);
      for (const o of inner.result.optionOperands) if (!/[A-Za-z]/.test(o.program)) o.program = name;
      this.merge(inner);
      if (knownRunner(lit)) break;
    }
  }
  wrapper(spec, i) {
    const xargs = spec === WRAPPERS.xargs;
    let replaces = false;
    let argFile;
    for (; i < this.words.length; i++) {
      const lit = this.literal(i);
      if (lit === "--") {
        i++;
        break;
      }
      if (lit === null) {
        if (/^-/.test(this.words[i]?.raw ?? "")) return this.refuseFrom(i, REASONS.unknownOption);
        break;
      }
      if (xargs && (/^-[iIJ]/.test(lit) || lit.startsWith("--replace"))) replaces = true;
      if (spec.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(lit)) {
        const w = this.words[i];
        const parts = assignmentParts(w.raw);
        if (parts) this.result.assignments.push({ name: parts.name, start: w.start + parts.valueOffset, end: w.end });
        continue;
      }
      if (spec.assignments && lit === "-") continue;
      if (!isOption(lit)) break;
      if (spec.flags.includes(lit)) continue;
      const [option, inline] = lit.startsWith("--") ? lit.split("=", 2) : [lit.slice(0, 2), lit.length > 2 ? lit.slice(2) : void 0];
      if (spec.dataArg.includes(option)) {
        if (xargs && (option === "-a" || option === "--arg-file")) argFile = inline === void 0 ? { index: i + 1 } : { index: i, inline };
        if (inline === void 0) i++;
        continue;
      }
      if (/^-[0-9]+$/.test(lit)) continue;
      return this.refuseFrom(i, REASONS.unknownOption);
    }
    if (spec.assignments) {
      for (; i < this.words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(this.words[i]?.raw ?? ""); i++) {
        const w = this.words[i];
        const parts = assignmentParts(w.raw);
        if (parts) this.result.assignments.push({ name: parts.name, start: w.start + parts.valueOffset, end: w.end });
      }
    }
    i += spec.leadingOperands ?? 0;
    if (i >= this.words.length) {
      if (spec === WRAPPERS.env) this.result.dumpsEnvironment = true;
      return;
    }
    this.command(i);
    if (xargs) {
      const inner = new _Classifier([...this.words.slice(i), { start: -1, end: -1, raw: "item" }]);
      inner.command(0);
      if (inner.result.danger.some((d) => d.start < 0) || replaces && inner.result.danger.length) {
        this.result.readsStdinAsCode = true;
        if (argFile) {
          this.refuse(argFile.index, REASONS.stdinCode);
          this.result.codeFiles.push(argFile.inline ?? this.words[argFile.index].raw);
        }
      }
      const items = new _Classifier([...this.words.slice(i), { start: -1, end: -1, raw: "${{ item }}" }]);
      items.command(0);
      const option = items.result.optionOperands.find((o) => o.start < 0);
      if (option) this.result.stdinOptions = { program: option.program, leads: option.leads };
      else if (replaces && inner.result.name && checksOptions(this.words[i]?.raw ?? "", inner.result.name)) {
        this.result.stdinOptions = { program: inner.result.name, leads: "-" };
      }
    }
  }
  merge(other) {
    const r = other.result;
    this.result.danger.push(...r.danger);
    this.result.assignments.push(...r.assignments);
    this.result.filled.push(...r.filled);
    this.result.fillsUnknown ||= r.fillsUnknown;
    this.result.dumpsEnvironment ||= r.dumpsEnvironment;
    this.result.writes.push(...r.writes);
    this.result.codeFiles.push(...r.codeFiles);
    this.result.readsStdinAsCode ||= r.readsStdinAsCode;
    this.result.readsStdinIntoVariables ||= r.readsStdinIntoVariables;
    this.result.evaluatingNames.push(...r.evaluatingNames);
    this.result.evaluatingUnknownName ||= r.evaluatingUnknownName;
    this.result.optionOperands.push(...r.optionOperands);
    this.result.optionNames.push(...r.optionNames);
    this.result.stdinOptions ??= r.stdinOptions;
  }
};
function classifyCommand(words) {
  const classifier = new Classifier(words);
  classifier.run();
  return classifier.result;
}
function testEvaluates(word2) {
  return ARITHMETIC_TEST_OPERATORS.has(word2) || word2 === "-v" || word2 === "-R";
}

// src/spec/shell.ts
var NAMED_SHELLS = ["bash", "sh", "python", "node", "pwsh"];
function parseShell(value) {
  if (value === void 0) return "bash";
  if (NAMED_SHELLS.includes(value)) return value;
  const program = value.trim().split(/\s+/)[0] ?? "";
  const base = program.slice(program.lastIndexOf("/") + 1);
  return { template: value, posix: base === "bash" || base === "sh" };
}
function isPosixShell(shell) {
  return typeof shell === "string" ? shell === "bash" || shell === "sh" : shell.posix;
}
function shellLabel(shell) {
  return typeof shell === "string" ? shell : shell.template;
}
var SINGLE_QUOTE_MESSAGE = "an expression inside single quotes would not be expanded; move it outside the quotes or pass it through env:";
function rewriteRunScript(run, shell, location, startIndex = 1, locate, params) {
  const where = locate ?? defaultLocator(run, location);
  if (!isPosixShell(shell)) {
    const { spans, unterminated } = scanTemplate(run);
    const problems = spans.map((span) => ({
      ...where(span.start),
      message: `\${{ ${span.expression} }} in run: shell "${shellLabel(shell)}" is not a POSIX shell, so the expression cannot be passed safely inside the script; set it in env: (for example env: { VALUE: \${{ ... }} }) and read the environment variable in the script`
    }));
    if (unterminated !== void 0) problems.push({ ...where(unterminated), message: UNTERMINATED_MESSAGE });
    if (problems.length) throw new InputError(problems);
    return { script: run, expressions: [] };
  }
  const lexer = new PosixLexer(
    run,
    startIndex,
    (expression) => isValidatedValue(expression, params ?? {}),
    (expression) => isListedValue(expression, params ?? {})
  );
  lexer.run();
  if (lexer.problems.length) {
    throw new InputError(lexer.problems.map((p) => ({ ...where(p.offset), message: p.message })));
  }
  let script = "";
  let from = 0;
  for (const r of lexer.replacements) {
    script += run.slice(from, r.start) + r.text;
    from = r.end;
  }
  script += run.slice(from);
  const optionChecks = lexer.optionChecks.map(({ offset, ...check }) => ({ ...check, ...where(offset) }));
  return { script, expressions: lexer.expressions, ...optionChecks.length && { optionChecks } };
}
function defaultLocator(run, location) {
  return (offset) => {
    if (!run.includes("\n")) return { ...location, col: location.col + offset };
    const lines = run.slice(0, offset).split("\n");
    return { ...location, line: location.line + lines.length, col: lines[lines.length - 1].length + 1 };
  };
}
function isValidatedValue(expression, params) {
  const reference = /^params\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_-]*)|\[\s*'((?:[^']|'')*)'\s*\])$/.exec(expression.trim());
  if (!reference) return false;
  const wanted = (reference[1] ?? reference[2].replace(/''/g, "'")).toLowerCase();
  const param = Object.entries(params).find(([name]) => name.toLowerCase() === wanted)?.[1];
  if (!param) return false;
  if (param.type === "number" || param.type === "integer") return true;
  return param.type !== "boolean" && param.enum !== void 0 && param.enum.length > 0 && param.enum.every((v) => /^[0-9.+\-:,/@%]+$/.test(String(v)));
}
function isListedValue(expression, params) {
  const reference = /^params\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_-]*)|\[\s*'((?:[^']|'')*)'\s*\])$/.exec(expression.trim());
  if (!reference) return false;
  const wanted = (reference[1] ?? reference[2].replace(/''/g, "'")).toLowerCase();
  const param = Object.entries(params).find(([name]) => name.toLowerCase() === wanted)?.[1];
  if (!param) return false;
  return param.type !== "string" || param.enum !== void 0 && param.enum.length > 0;
}
var ANSI_C_QUOTE_MESSAGE = "an expression inside $'...' would not be expanded; move it outside the quotes or pass it through env:";
var SAFE_ALTERNATIVE = 'pass the value through env: (env: { NAME: ${{ ... }} }), use it as "$NAME" where bash takes it as data, and check it in the script before any other use; number, integer, boolean and enum params may stand here';
var ARITHMETIC_REFUSAL = "an expression inside arithmetic ($(( )), (( )) or $[ ]) would be evaluated as code by the shell";
var PARAMETER_REFUSAL = "an expression inside ${...} may be evaluated as an arithmetic index or a pattern";
var ARITHMETIC_TEST_REFUSAL = "an expression in a [[ ]] test that compares numbers (-eq, -lt, ...) or names a variable (-v) would be evaluated as code by the shell";
var ARRAY_LITERAL_REFUSAL = "an expression inside an array literal name=( ... ) may be taken for a [subscript]=value element, whose subscript bash evaluates as arithmetic";
var DUPLICATION_REFUSAL = "the target of >& or <& that is not a number is expanded a second time by bash, where $(cmd) in the value runs cmd";
var ALIAS_REFUSAL = "the command name is an alias the script defines, which may stand for a command that runs its arguments as code";
var ESCAPED_MESSAGE = "an expression right after a backslash would not be expanded; remove the backslash or pass the value through env:";
var FUNCTION_DEFINITION = /(?:^|[\s;&|(){}])(?:function\s+([^\s;&|()<>{}'"`$=\\]+)|([^\s;&|()<>{}'"`$=\\]+)\s*\(\s*\))/g;
var PLAIN_BUILTINS = /* @__PURE__ */ new Set(["echo", "printf", ":", "true", "false"]);
var KEEPS_COMMAND_POSITION = /* @__PURE__ */ new Set(["if", "then", "else", "elif", "do", "while", "until", "!", "{", "time"]);
var COMPOUND_OPENERS = /* @__PURE__ */ new Set(["{", "while", "until", "if", "for", "case", "select"]);
var COMPOUND_CLOSERS = /* @__PURE__ */ new Set(["done", "}", "fi", "esac", ")"]);
var IMPLICIT_DATA_VARIABLES = /* @__PURE__ */ new Set([
  "_",
  "REPLY",
  "MAPFILE",
  "OPTARG",
  "BASH_REMATCH",
  "BASH_ARGV",
  "BASH_COMMAND",
  "BASH_EXECUTION_STRING",
  "COPROC",
  // cd and pushd set these from their argument.
  "PWD",
  "OLDPWD",
  "DIRSTACK"
]);
var CODE_VARIABLES = [
  "PS0",
  "PS1",
  "PS2",
  "PS3",
  "PS4",
  "PROMPT_COMMAND",
  "BASH_ENV",
  "ENV",
  // The alias table and the command hash table: a value there is a command to run.
  "BASH_ALIASES",
  "BASH_CMDS",
  // Integer variables of bash's own: a value assigned to one is evaluated as arithmetic (OPTIND=a[$(cmd)]).
  "OPTIND",
  "RANDOM",
  "SRANDOM",
  "HISTCMD",
  "BASHPID",
  "SECONDS",
  // Variables programs read as options or as a command to run: what `git -c core.sshCommand=` or
  // `node --require` would be as an argument (shell-options.ts), set in the environment instead.
  ...PROGRAM_CODE_VARIABLES
];
function fileKey(raw) {
  const name = literalWord(raw);
  return name === null ? `\0${raw}` : name.replace(/^(\.\/)+/, "");
}
function sameFile(code, written) {
  if (code === written) return true;
  if (!code.startsWith("\0") && !written.startsWith("\0")) return false;
  const last = (key) => {
    const name = key.startsWith("\0") ? key.slice(1).replace(/["']/g, "") : key;
    const tail = name.slice(name.lastIndexOf("/") + 1);
    return tail === "" || /[$`*?[\\]/.test(tail) ? null : tail;
  };
  const x = last(code);
  return x === null || x === last(written);
}
var COMMAND_SUBSTITUTION = /\$\((?!\()|`/;
var POSITIONAL = /\$(?:\{!?)?[0-9@*]|\$\{!#/;
var BLANK = /* @__PURE__ */ new Set([" ", "	"]);
var WORD_END = /[\s;&|()<>'"`\\$]/;
var NAME = /[A-Za-z_][A-Za-z0-9_]*/g;
var PosixLexer = class {
  constructor(text, startIndex, validated, listed = () => false) {
    this.text = text;
    this.startIndex = startIndex;
    this.validated = validated;
    this.listed = listed;
  }
  text;
  startIndex;
  validated;
  listed;
  problems = [];
  replacements = [];
  expressions = [];
  pending = [];
  stopped = false;
  /** Where a string-valued expression is refused, found once the command around it is known. */
  dangers = [];
  /** Where the script evaluates text (arithmetic, subscripts, code): for taint tracking. */
  evaluated = [];
  /** Where a value reaches a command's standard input (heredocs, here-strings, pipes, `<( )`). */
  stdinSources = [];
  assignments = [];
  filled = /* @__PURE__ */ new Set();
  /** Files the script writes, with the text that reaches them; files it runs as code. */
  fileWrites = [];
  codeFiles = [];
  /** Commands that print the environment, where the values are passed (`env`, `declare -p`). */
  dumps = [];
  /** What reaches the input of a command named by a literal word: a call of a function the script defines feeds its body. */
  commandInputs = [];
  /** Commands by their literal name, with the range of their arguments: an alias the script defines may stand for code. */
  commandArguments = [];
  /** Names the script defines as aliases; `null` when an alias's name is not a literal word. */
  aliases = /* @__PURE__ */ new Set();
  /** Files copied to one another (cp, mv, ln, install, rsync operands). */
  copies = [];
  /** Files `exec <` makes the input of the rest of the script. */
  inputFiles = [];
  /** Where the commands that run their input as code start. */
  stdinCodeStarts = [];
  /** Commands writing to a `>(...)` process substitution, with their range. */
  outputFeeds = [];
  /** Whether any command of the script (a function body's included) runs its input as code. */
  stdinCodeAnywhere = false;
  /** Whether the script reads input into a variable whose name is not a literal word. */
  fillsUnknown = false;
  evaluatingNames = /* @__PURE__ */ new Set();
  evaluatingUnknownName = false;
  /** Arguments of `set` and of calls: they become positional parameters ($1, $@). */
  positional = [];
  /** Where a program may read a value as an option, and the variables that reach such a place. */
  optionOperands = [];
  optionNames = [];
  /** A command whose input (or a file it reads) becomes a program's words: `xargs git clone`. */
  optionFileReader;
  /** Heredocs whose body becomes a program's words (their body is read after the command). */
  optionHeredocs = [];
  /** The values to check when the step runs, with the offset of their expression. */
  optionChecks = [];
  run() {
    const root = this.codeFrame(null, void 0);
    const stack = [root];
    this.lexRange(0, this.text.length, stack);
    for (const frame of stack.reverse()) {
      if (frame.kind === "code") this.endCommand(frame, this.text.length, true);
    }
    this.applyDangers();
  }
  codeFrame(close, refuse, start = 0) {
    return {
      kind: "code",
      close,
      refuse,
      parenDepth: 0,
      caseDepth: 0,
      commandPosition: true,
      wordStart: true,
      command: { words: [], herestrings: [], heredocs: [], writes: [], reads: [] },
      pipeline: { start, piped: false, heredocs: [] }
    };
  }
  problem(offset, message) {
    if (this.problems.some((p) => p.offset === offset)) return;
    this.problems.push({ offset, message });
  }
  /**
   * Handles the expression at `i` (which holds `${{`) standing in `frame`; returns where lexing goes on.
   * `refusal` overrides the frame's own verdict (single quotes, escapes, quoted heredocs) and applies to
   * every expression; a frame's own refusal applies only to string-valued ones.
   */
  expression(i, frame, refusal) {
    const end = findExpressionEnd(this.text, i);
    if (end < 0) {
      this.problem(i, UNTERMINATED_MESSAGE);
      this.stopped = true;
      return this.text.length;
    }
    const expression = this.text.slice(i + 3, end - 2).trim();
    const validated = this.validated(expression);
    if (refusal || !frame) {
      this.problem(i, `\${{ ${expression} }}: ${refusal ?? SINGLE_QUOTE_MESSAGE}`);
      return end;
    }
    if (frame.refuse && !validated) {
      this.problem(i, `\${{ ${expression} }}: ${frame.refuse}; ${SAFE_ALTERNATIVE}`);
      return end;
    }
    const name = `RETRAIN_E${this.startIndex + this.expressions.length}`;
    this.expressions.push({ name, expression });
    const bare = frame.kind === "double" || frame.kind === "heredoc" || frame.kind === "arith" || frame.kind === "param";
    this.replacements.push({ start: i, end, text: bare ? `\${${name}}` : `"\${${name}}"`, expression, validated });
    return end;
  }
  isExpression(i) {
    return this.text.startsWith("${{", i);
  }
  /** Skips a single-quoted region starting after its opening quote; expressions in it are refused. */
  singleQuoted(i, to, ansiC, message) {
    while (i < to && !this.stopped) {
      const c = this.text[i];
      if (this.isExpression(i)) {
        i = this.expression(i, null, message);
      } else if (c === "'") {
        return i + 1;
      } else if (ansiC && c === "\\") {
        i += 2;
      } else {
        i++;
      }
    }
    return Math.min(i, to);
  }
  lexRange(from, to, stack) {
    const text = this.text;
    let i = from;
    while (i < to && !this.stopped) {
      const frame = stack[stack.length - 1];
      if (this.isExpression(i)) {
        if (frame.kind === "code") this.startWord(frame, i);
        i = this.expression(i, frame);
        if (frame.kind === "code") frame.wordStart = frame.commandPosition = false;
        continue;
      }
      const c = text[i];
      switch (frame.kind) {
        case "code":
          i = this.code(i, to, frame, stack);
          break;
        case "double":
        case "heredoc":
          i = this.doubleQuoted(i, frame, stack);
          break;
        case "param":
          if (c === "}") {
            stack.pop();
            this.evaluated.push({ start: frame.start, end: i + 1 });
            i++;
          } else {
            i = this.nested(i, to, frame.refuse, stack) ?? i + 1;
          }
          break;
        case "arith":
          if (c === "(") {
            frame.parenDepth++;
            i++;
          } else if (c === ")" && frame.parenDepth > 0) {
            frame.parenDepth--;
            i++;
          } else if (c === ")" && frame.close === "))") {
            stack.pop();
            i += text[i + 1] === ")" ? 2 : 1;
            this.evaluated.push({ start: frame.start, end: i });
          } else if (c === "]" && frame.close === "]") {
            stack.pop();
            i++;
            this.evaluated.push({ start: frame.start, end: i });
          } else {
            i = this.nested(i, to, frame.refuse, stack) ?? i + 1;
          }
          break;
      }
    }
  }
  /**
   * Quoting and substitutions that open alike in code, `${...}` and arithmetic: quotes, `$(`, `${`,
   * backticks, escapes. Returns the next offset, or undefined when `i` opens none of them.
   */
  nested(i, to, refuse, stack) {
    const text = this.text;
    const c = text[i];
    if (c === "\\") {
      if (this.isExpression(i + 1)) return this.expression(i + 1, null, ESCAPED_MESSAGE);
      return i + 2;
    }
    if (c === "'") return this.singleQuoted(i + 1, to, false, SINGLE_QUOTE_MESSAGE);
    if (c === '"') {
      stack.push({ kind: "double", refuse });
      return i + 1;
    }
    if (c === "`") {
      stack.push(this.codeFrame("`", refuse, i + 1));
      return i + 1;
    }
    if (c === "$") return this.dollar(i, to, refuse, stack, true);
    return void 0;
  }
  /** `$` followed by what opens a nested region; `ansiC` says whether `$'...'` is special here. */
  dollar(i, to, refuse, stack, ansiC) {
    const text = this.text;
    const next = text[i + 1];
    if (next === "'" && ansiC) {
      return this.singleQuoted(i + 2, to, true, ANSI_C_QUOTE_MESSAGE);
    }
    if (next === '"' && ansiC) {
      stack.push({ kind: "double", refuse });
      return i + 2;
    }
    if (next === "(" && text[i + 2] === "(") {
      stack.push({ kind: "arith", close: "))", refuse: ARITHMETIC_REFUSAL, parenDepth: 0, start: i });
      return i + 3;
    }
    if (next === "(") {
      stack.push(this.codeFrame(")", refuse, i + 2));
      return i + 2;
    }
    if (next === "[") {
      stack.push({ kind: "arith", close: "]", refuse: ARITHMETIC_REFUSAL, parenDepth: 0, start: i });
      return i + 2;
    }
    if (next === "{") {
      stack.push({ kind: "param", refuse: PARAMETER_REFUSAL, start: i });
      return i + 2;
    }
    return i + 1;
  }
  doubleQuoted(i, frame, stack) {
    const text = this.text;
    const c = text[i];
    if (c === "\\") {
      const next = text[i + 1];
      if (next === "$" && this.isExpression(i + 1)) return this.expression(i + 1, null, ESCAPED_MESSAGE);
      const escapes = frame.kind === "double" ? '$`"\\\n' : "$`\\\n";
      return next !== void 0 && escapes.includes(next) ? i + 2 : i + 1;
    }
    if (c === '"' && frame.kind === "double") {
      stack.pop();
      return i + 1;
    }
    if (c === "`") {
      stack.push(this.codeFrame("`", frame.refuse, i + 1));
      return i + 1;
    }
    if (c === "$") return this.dollar(i, this.text.length, frame.refuse, stack, false);
    return i + 1;
  }
  startWord(frame, i) {
    frame.command.wordStart ??= i;
  }
  /** Ends the word being read at `end`: a word of the command, or the target of a redirection. */
  endWord(frame, end) {
    const command = frame.command;
    const start = command.wordStart;
    if (start === void 0) return;
    command.wordStart = void 0;
    const raw = this.text.slice(start, end);
    if (frame.test) return;
    if ((this.text[end] === "<" || this.text[end] === ">") && /^([0-9]+|\{[A-Za-z_][A-Za-z0-9_]*\})$/.test(raw)) return;
    const redirect = command.redirect;
    command.redirect = void 0;
    if (redirect === "file") (command.redirectWrites ? command.writes : command.reads).push(raw);
    if (redirect === "file" && command.redirectDuplicates) {
      this.dangers.push({ start, end, reason: DUPLICATION_REFUSAL });
      this.evaluated.push({ start, end, code: true });
    }
    if (redirect === "herestring" || redirect === "file" && raw.startsWith("<(") && /<\s*$/.test(this.text.slice(0, start)))
      command.herestrings.push({ start, end });
    if (redirect) return;
    command.words.push({ start, end, raw });
  }
  /**
   * Ends the simple command being read, classifies its words, and ends the pipeline too unless the
   * command is followed by `|`.
   */
  endCommand(frame, at, endsPipeline) {
    if (frame.test && endsPipeline && (at >= this.text.length || this.text[at] === frame.close)) {
      frame.test.evaluates = true;
      this.endTest(frame, at);
    }
    this.endWord(frame, at);
    const command = frame.command;
    frame.command = { words: [], herestrings: [], heredocs: [], writes: [], reads: [] };
    const pipeline = frame.pipeline;
    if (command.words.length || command.heredocs.length || command.herestrings.length || command.writes.length || command.reads.length) {
      const analysis = classifyCommand(command.words);
      this.dangers.push(...analysis.danger);
      this.assignments.push(...analysis.assignments);
      for (const name of analysis.filled) this.filled.add(name);
      this.fillsUnknown ||= analysis.fillsUnknown;
      const written = [...command.writes, ...analysis.writes].map(fileKey);
      if (written.length) {
        const start = pipeline.piped ? pipeline.start : command.words[0]?.start ?? at;
        this.fileWrites.push({ paths: written, start, end: at, heredocs: [...command.heredocs, ...pipeline.piped ? pipeline.heredocs : []] });
      }
      this.codeFiles.push(...analysis.codeFiles.map(fileKey));
      for (const a of analysis.assignments) {
        if (a.name === "BASH_ENV" || a.name === "ENV") this.codeFiles.push(fileKey(this.text.slice(a.start, a.end)));
      }
      if (analysis.readsStdinAsCode) this.codeFiles.push(...command.reads.map(fileKey));
      if (analysis.readsStdinAsCode && pipeline.piped) this.codeFiles.push(...(pipeline.words ?? []).map(fileKey));
      if (["cp", "mv", "ln", "install", "rsync"].includes(analysis.name ?? "")) this.copies.push(command.words.slice(1).map((w) => fileKey(w.raw)));
      if (command.writes.length) {
        const named = command.words.slice(1).map((w) => literalWord(w.raw)).filter((n) => n !== null && !n.startsWith("-"));
        if (named.length) this.copies.push([...named, ...command.writes].map(fileKey));
      }
      for (const raw of analysis.codeFiles) {
        if (raw.startsWith("<("))
          this.codeFiles.push(
            ...raw.slice(2, -1).split(/[\s;|&<>()]+/).filter(Boolean).map(fileKey)
          );
      }
      const bare = command.words.length === 1 && literalWord(command.words[0]?.raw ?? "") === "exec";
      if (bare) this.inputFiles.push(...command.reads.map(fileKey));
      const closer = command.afterSubshell === true || COMPOUND_CLOSERS.has(literalWord(command.words[0]?.raw ?? "") ?? "");
      if ((bare || closer) && command.writes.length) {
        this.fileWrites.push({ paths: command.writes.map(fileKey), start: bare ? at : 0, end: bare ? this.text.length : at, heredocs: [] });
      }
      const last = command.words[command.words.length - 1];
      if (analysis.dumpsEnvironment && command.words[0] && last) this.dumps.push({ start: command.words[0].start, end: last.end });
      for (const name of analysis.evaluatingNames) this.evaluatingNames.add(name);
      this.evaluatingUnknownName ||= analysis.evaluatingUnknownName;
      this.optionOperands.push(...analysis.optionOperands);
      this.optionNames.push(...analysis.optionNames);
      if (analysis.stdinOptions) {
        const reach = { ...analysis.stdinOptions, tokens: true };
        this.optionFileReader ??= analysis.stdinOptions;
        for (const r of command.herestrings) this.optionOperands.push({ ...r, ...reach });
        if (pipeline.piped && command.words[0]) this.optionOperands.push({ start: pipeline.start, end: command.words[0].start, ...reach });
        for (const h of [...command.heredocs, ...pipeline.piped ? pipeline.heredocs : []]) this.optionHeredocs.push({ heredoc: h, ...reach });
      }
      for (const d of analysis.danger) {
        if (d.reason !== REASONS.variableName && d.reason !== REASONS.subscript) {
          this.evaluated.push({ ...d, code: d.reason !== REASONS.arithmetic && d.reason !== REASONS.declaredEvaluating });
        } else if (/[$`]/.test(this.withoutExpressions(d.start, d.end))) {
          this.evaluated.push({ start: d.start, end: d.end });
        } else {
          const bracket = this.text.indexOf("[", d.start);
          if (bracket >= 0 && bracket < d.end) this.evaluated.push({ start: bracket, end: d.end });
        }
      }
      const first = command.words.find((w) => !KEEPS_COMMAND_POSITION.has(literalWord(w.raw) ?? ""));
      const firstLiteral = first ? literalWord(first.raw) : "";
      if (analysis.name !== void 0) {
        for (const w of command.words.slice(first ? command.words.indexOf(first) + 1 : 0)) {
          this.positional.push({ name: analysis.name, ...w });
        }
      }
      const codeInput = analysis.readsStdinAsCode || first !== void 0 && firstLiteral === null || firstLiteral !== null && COMPOUND_CLOSERS.has(firstLiteral) || command.afterSubshell === true && first === void 0 || firstLiteral === "exec" && command.words.length === 1;
      this.stdinCodeAnywhere ||= analysis.readsStdinAsCode;
      if (analysis.readsStdinAsCode && first) this.stdinCodeStarts.push(first.start);
      for (const sub of command.outputSubstitutions ?? []) {
        const start = pipeline.piped ? pipeline.start : command.words[0]?.start ?? sub.start;
        this.outputFeeds.push({ sub, start, end: at, heredocs: [...command.heredocs, ...pipeline.piped ? pipeline.heredocs : []] });
      }
      if (first && firstLiteral && last && last !== first) this.commandArguments.push({ name: firstLiteral, start: first.end, end: last.end });
      if (analysis.assignments.some((a) => a.name === "BASH_ALIASES")) this.aliases.add(null);
      if (analysis.name === "alias" && first) {
        for (const w of command.words.slice(command.words.indexOf(first) + 1)) {
          const name = /^([^=\s]+)=/.exec(literalWord(w.raw.replace(/=.*$/s, "=")) ?? "")?.[1];
          if (w.raw.includes("=")) this.aliases.add(name ?? null);
        }
      }
      if (!codeInput && firstLiteral) {
        const ranges = [...command.herestrings, ...pipeline.piped && first ? [{ start: pipeline.start, end: first.start }] : []];
        const heredocs = [...command.heredocs, ...pipeline.piped ? pipeline.heredocs : []];
        if (ranges.length || heredocs.length) this.commandInputs.push({ name: firstLiteral, ranges, heredocs });
      }
      for (const h of command.heredocs) {
        if (codeInput) h.refuse ??= REASONS.stdinCode;
        else pipeline.heredocs.push(h);
      }
      for (const r of command.herestrings) {
        if (codeInput) {
          this.dangers.push({ ...r, reason: REASONS.stdinCode });
          this.evaluated.push({ ...r, code: true });
        }
        this.stdinSources.push(r);
      }
      if (analysis.readsStdinAsCode && pipeline.piped && first) {
        this.dangers.push({ start: pipeline.start, end: first.start, reason: REASONS.stdinCode });
        this.evaluated.push({ start: pipeline.start, end: first.start, code: true });
        for (const h of pipeline.heredocs) h.refuse ??= REASONS.stdinCode;
      }
      if (pipeline.piped && first) this.stdinSources.push({ start: pipeline.start, end: first.start });
      const opener = command.words[0] ? literalWord(command.words[0].raw) : null;
      if (opener !== null && COMPOUND_OPENERS.has(opener)) this.pipedIntoCompound(frame, command.words[0].start);
    }
    if (endsPipeline) {
      frame.pipeline = { start: at + 1, piped: false, heredocs: [] };
    } else {
      pipeline.piped = true;
      const opener = literalWord(command.words[0]?.raw ?? "");
      if (command.afterSubshell && !command.words.length || opener !== null && COMPOUND_CLOSERS.has(opener)) pipeline.start = 0;
      pipeline.words = [...pipeline.words ?? [], ...command.words.map((w) => w.raw), ...command.reads];
    }
  }
  code(i, to, frame, stack) {
    const text = this.text;
    const c = text[i];
    const wordStart = frame.wordStart;
    if (c === "\n") {
      frame.commandPosition = frame.wordStart = true;
      if (frame.test) return i + 1;
      this.endCommand(frame, i, true);
      return this.pending.length ? this.heredocBodies(i + 1, to) : i + 1;
    }
    if (BLANK.has(c)) {
      this.endWord(frame, i);
      frame.wordStart = true;
      return i + 1;
    }
    if (c === "#" && wordStart) {
      const newline = text.indexOf("\n", i);
      return newline < 0 || newline > to ? to : newline;
    }
    if (c === "`" && frame.close === "`") {
      this.endCommand(frame, i, true);
      stack.pop();
      return i + 1;
    }
    if (c === "\\" && frame.close === "`" && (text[i + 1] === "`" || text[i + 1] === "\\" || text[i + 1] === "$")) {
      this.startWord(frame, i);
      if (this.isExpression(i + 1)) return this.expression(i + 1, null, ESCAPED_MESSAGE);
      frame.wordStart = frame.commandPosition = false;
      return i + 2;
    }
    if (c === "\\" && text[i + 1] === "\n") {
      this.endWord(frame, i);
      frame.wordStart = true;
      return i + 2;
    }
    if (frame.test && "&|()<>;".includes(c) && !(c === "<" && text[i + 1] === "(")) {
      this.endWord(frame, i);
      frame.wordStart = true;
      return i + 1;
    }
    if (!"()<>;&|".includes(c)) this.startWord(frame, i);
    const opened = this.nested(i, to, frame.refuse, stack);
    if (opened !== void 0) {
      frame.wordStart = false;
      frame.commandPosition = false;
      return opened;
    }
    if (c === "(") {
      const word3 = frame.command.wordStart === void 0 ? "" : text.slice(frame.command.wordStart, i);
      if (/^[A-Za-z_][A-Za-z0-9_]*(\[.*\])?\+?=$/s.test(word3)) {
        stack.push({ ...this.codeFrame(")", ARRAY_LITERAL_REFUSAL, i + 1), arrayStart: i + 1 });
        return i + 1;
      }
      if (!frame.command.words.length && frame.command.wordStart === void 0) this.pipedIntoCompound(frame, i);
      this.endCommand(frame, i, true);
      frame.wordStart = true;
      if (wordStart && text[i + 1] === "(") {
        stack.push({ kind: "arith", close: "))", refuse: ARITHMETIC_REFUSAL, parenDepth: 0, start: i });
        return i + 2;
      }
      frame.parenDepth++;
      frame.commandPosition = true;
      return i + 1;
    }
    if (c === ")") {
      this.endCommand(frame, i, true);
      frame.wordStart = frame.commandPosition = true;
      if (frame.caseDepth > 0 && frame.parenDepth === 0) return i + 1;
      if (frame.parenDepth > 0) {
        frame.parenDepth--;
        frame.command.afterSubshell = true;
        return i + 1;
      }
      if (frame.close === ")") {
        stack.pop();
        if (frame.arrayStart !== void 0) this.arraySubscripts(frame.arrayStart, i);
      }
      return i + 1;
    }
    if (c === "<" || c === ">") {
      this.endWord(frame, i);
      frame.wordStart = true;
      if (text[i + 1] === "(") {
        this.startWord(frame, i);
        this.stdinSources.push({ start: i, end: this.matchingParen(i + 1) });
        if (c === ">") (frame.command.outputSubstitutions ??= []).push({ start: i, end: this.matchingParen(i + 1) });
        stack.push(this.codeFrame(")", frame.refuse, i + 2));
        frame.commandPosition = false;
        return i + 2;
      }
      if (c === "<" && text[i + 1] === "<") {
        if (text[i + 2] === "<") {
          frame.command.redirect = "herestring";
          return i + 3;
        }
        return this.heredocOperator(i + 2, to, frame);
      }
      let j = i + 1;
      while (j < to && "<>&|".includes(text[j]) && j < i + 3) j++;
      if (text[j] === "-" && text[j - 1] === "&") return j + 1;
      frame.command.redirect = "file";
      frame.command.redirectWrites = c === ">" || text.slice(i, j).includes(">");
      frame.command.redirectDuplicates = text.slice(i, j).includes("&");
      return j;
    }
    if (c === "&" && text[i + 1] === ">") {
      this.endWord(frame, i);
      frame.wordStart = true;
      frame.command.redirect = "file";
      frame.command.redirectWrites = true;
      return text[i + 2] === ">" ? i + 3 : i + 2;
    }
    if (c === ";" || c === "&" || c === "|") {
      const pipe = c === "|" && text[i + 1] !== "|";
      this.endCommand(frame, i, !pipe);
      frame.wordStart = frame.commandPosition = true;
      if (pipe && text[i + 1] === "&") return i + 2;
      return c === text[i + 1] ? i + 2 : i + 1;
    }
    if (!wordStart) return i + 1;
    let end = i;
    while (end < to && !WORD_END.test(text[end]) && !this.isExpression(end)) end++;
    const word2 = text.slice(i, end);
    const bare = end >= to || /[\s;&|()<>]/.test(text[end]) || frame.close === "`" && text[end] === "`";
    frame.wordStart = false;
    if (bare && frame.test) {
      if (word2 === "]]") this.endTest(frame, end);
      else if (testEvaluates(word2)) frame.test.evaluates = true;
    }
    if (frame.commandPosition && bare && word2 === "[[") {
      frame.test = { start: i, evaluates: false };
      frame.commandPosition = false;
    } else if (frame.commandPosition && bare && word2 === "case") {
      frame.caseDepth++;
      frame.commandPosition = false;
    } else if (frame.commandPosition && bare && word2 === "esac" && frame.caseDepth > 0) {
      frame.caseDepth--;
      frame.commandPosition = false;
    } else if (frame.commandPosition && bare && word2 === "function") {
      frame.functionName = true;
    } else if (frame.functionName) {
      frame.functionName = false;
    } else {
      const assignment = /^[A-Za-z_][A-Za-z0-9_]*=/.test(word2);
      frame.commandPosition &&= assignment || bare && KEEPS_COMMAND_POSITION.has(word2);
    }
    return Math.max(end, i + 1);
  }
  /**
   * A pipe into a compound command (`x | while read l; do sh; done`, `x | ( ... )`) feeds every
   * command inside, which this check does not follow one by one: like a heredoc on `done`, its input
   * is refused as input to code.
   */
  pipedIntoCompound(frame, end) {
    const pipeline = frame.pipeline;
    if (!pipeline.piped) return;
    this.dangers.push({ start: pipeline.start, end, reason: REASONS.stdinCode });
    this.evaluated.push({ start: pipeline.start, end, code: true });
    for (const h of pipeline.heredocs) h.refuse ??= REASONS.stdinCode;
  }
  /** Offset just past the `)` that closes the `(` at `open`, counting nested parentheses (approximate). */
  matchingParen(open) {
    let depth = 0;
    for (let j = open; j < this.text.length; j++) {
      if (this.text[j] === "(") depth++;
      else if (this.text[j] === ")" && --depth === 0) return j + 1;
    }
    return this.text.length;
  }
  /**
   * `[[ a -eq b ]]` evaluates both sides as arithmetic, even quoted, and `-v` takes a variable name:
   * what was passed as a value would run as code, so string expressions in such a test are refused.
   */
  endTest(frame, end) {
    const test = frame.test;
    frame.test = void 0;
    frame.command.wordStart = void 0;
    if (!test?.evaluates) return;
    this.dangers.push({ start: test.start, end, reason: ARITHMETIC_TEST_REFUSAL });
    this.evaluated.push({ start: test.start, end });
  }
  /** Reads the delimiter word after `<<` or `<<-`; the body is read at the end of the line. */
  heredocOperator(i, to, frame) {
    const text = this.text;
    let stripTabs = false;
    if (text[i] === "-") {
      stripTabs = true;
      i++;
    }
    while (i < to && BLANK.has(text[i])) i++;
    let delimiter = "";
    let quoted = false;
    while (i < to && !/[\s;&|()<>]/.test(text[i])) {
      const c = text[i];
      if (c === "'" || c === '"') {
        quoted = true;
        const close = text.indexOf(c, i + 1);
        const stop = close < 0 || close >= to ? to : close;
        delimiter += text.slice(i + 1, stop);
        i = stop + 1;
      } else if (c === "\\") {
        quoted = true;
        delimiter += text[i + 1] ?? "";
        i += 2;
      } else {
        delimiter += c;
        i++;
      }
    }
    if (delimiter !== "" || quoted) {
      const heredoc = { delimiter, quoted, stripTabs, refuse: frame.refuse };
      this.pending.push(heredoc);
      frame.command.heredocs.push(heredoc);
    }
    return Math.min(i, to);
  }
  /** Reads the bodies of the heredocs opened on the line that ended just before `i`. */
  heredocBodies(i, to) {
    const heredocs = this.pending;
    this.pending = [];
    for (const heredoc of heredocs) {
      const bodyStart = i;
      let bodyEnd = to;
      heredoc.body = { start: bodyStart, end: to };
      let next = to;
      while (i < to) {
        const newline = this.text.indexOf("\n", i);
        const lineEnd = newline < 0 || newline >= to ? to : newline;
        const line = this.text.slice(i, lineEnd);
        if ((heredoc.stripTabs ? line.replace(/^\t+/, "") : line) === heredoc.delimiter) {
          bodyEnd = i;
          heredoc.body = { start: bodyStart, end: bodyEnd };
          next = Math.min(lineEnd + 1, to);
          break;
        }
        i = lineEnd + 1;
      }
      if (heredoc.quoted) {
        const { spans, unterminated } = scanTemplate(this.text.slice(bodyStart, bodyEnd));
        if (unterminated !== void 0) this.problem(bodyStart + unterminated, UNTERMINATED_MESSAGE);
        for (const span of spans) {
          this.problem(
            bodyStart + span.start,
            `\${{ ${span.expression} }}: an expression in a quoted heredoc (<<'EOF') would not be expanded; use an unquoted delimiter (<<EOF) or pass the value through env:`
          );
        }
      } else {
        this.stdinSources.push({ start: bodyStart, end: bodyEnd });
        if (heredoc.refuse) this.evaluated.push({ start: bodyStart, end: bodyEnd });
        this.lexRange(bodyStart, bodyEnd, [{ kind: "heredoc", refuse: heredoc.refuse }]);
      }
      i = next;
      if (this.stopped) break;
    }
    return Math.min(i, to);
  }
  /** The text of a range with its expressions blanked out: their own text (params.x) names no shell variable. */
  /**
   * The `[subscript]=` of each element of an array literal `name=( ... )` (text from `start` to
   * `end`): bash evaluates it as arithmetic, where a variable whose value is `a[$(cmd)]` runs cmd.
   * An element that opens a `[` without its `]=` counts as evaluated to the literal's end.
   */
  arraySubscripts(start, end) {
    const text = this.text;
    let quote = null;
    for (let i = start; i < end; i++) {
      const c = text[i];
      if (quote) {
        if (c === quote) quote = null;
        else if (c === "\\" && quote === '"') i++;
        continue;
      }
      if (c === "'" || c === '"') quote = c;
      else if (c === "\\") i++;
      else if (c === "[" && (i === start || /\s/.test(text[i - 1]))) {
        let depth = 0;
        let close = -1;
        for (let j = i; j < end; j++) {
          if (text[j] === "[") depth++;
          else if (text[j] === "]" && --depth === 0) {
            close = j;
            break;
          }
        }
        const assigns = close > 0 && (text[close + 1] === "=" || text[close + 1] === "+" && text[close + 2] === "=");
        this.evaluated.push({ start: i, end: assigns ? close + 1 : end });
        if (!assigns) return;
        i = close;
      }
    }
  }
  isCodeFile(key) {
    return this.codeFiles.some((c) => sameFile(c, key));
  }
  withoutExpressions(start, end) {
    let region = this.text.slice(start, end);
    for (const span of scanTemplate(region).spans.reverse()) {
      region = region.slice(0, span.start) + " ".repeat(span.end - span.start) + region.slice(span.end);
    }
    return region;
  }
  /**
   * Where a value reaches a program's options through a variable: `r=${{ }}; git clone "$r"`, a
   * function's `$1`, `for r in ${{ }}`, `read r <<< ${{ }}`. Returns, for an expression's offset and
   * its variable, the places it reaches; all through a variable are checked part by part.
   */
  optionFlows() {
    const byName = /* @__PURE__ */ new Map();
    for (const n of this.optionNames) if (!byName.has(n.name)) byName.set(n.name, n);
    const positionalOf = () => [...byName.keys()].find((n) => /^[0-9@*]$/.test(n));
    for (let round = 0; round <= this.assignments.length + this.positional.length + 1; round++) {
      const before = byName.size;
      for (const a of this.assignments) {
        const reached = byName.get(a.name);
        if (!reached) continue;
        if (a.positional && !byName.has("@")) byName.set("@", reached);
        for (const m of this.withoutExpressions(a.start, a.end).matchAll(/\$\{?!?([A-Za-z_][A-Za-z0-9_]*|[0-9@*])/g)) {
          if (!byName.has(m[1])) byName.set(m[1], reached);
        }
      }
      const positional2 = positionalOf();
      if (positional2) {
        for (const p of this.positional) {
          for (const m of this.withoutExpressions(p.start, p.end).matchAll(/\$\{?!?([A-Za-z_][A-Za-z0-9_]*|[0-9@*])/g)) {
            if (!byName.has(m[1])) byName.set(m[1], byName.get(positional2));
          }
        }
      }
      if (byName.size === before) break;
    }
    const ranges = [];
    const add = (r, n) => ranges.push({ ...r, program: n.program, leads: n.leads, tokens: true });
    for (const a of this.assignments) {
      const n = byName.get(a.name);
      if (n) add(a, n);
    }
    const positional = positionalOf();
    if (positional) for (const p of this.positional) add(p, byName.get(positional));
    const filled = [...this.filled].find((f) => byName.has(f));
    if (filled || this.fillsUnknown && byName.size) {
      const n = byName.get(filled ?? "") ?? byName.values().next().value;
      for (const s of this.stdinSources) add(s, n);
    }
    const substituted = this.assignments.find((a) => byName.has(a.name) && COMMAND_SUBSTITUTION.test(this.withoutExpressions(a.start, a.end)));
    const reader = (filled || this.fillsUnknown ? byName.get(filled ?? "") : void 0) ?? this.optionOperands.find((o) => o.tokens) ?? this.optionFileReader ?? (substituted ? byName.get(substituted.name) : void 0);
    if (reader) {
      const n = { name: "", program: reader.program, leads: reader.leads };
      for (const w of this.fileWrites) {
        add(w, n);
        for (const h of w.heredocs) if (h.body) add(h.body, n);
      }
    }
    return (offset, variable) => {
      const carried = byName.get(variable);
      const found = ranges.filter((r) => offset >= r.start && offset < r.end);
      return carried ? [...found, { start: offset, end: offset + 1, program: carried.program, leads: carried.leads, tokens: true }] : found;
    };
  }
  /** Names read in evaluated text, and whether positional parameters are. */
  evaluatedNames() {
    const names = /* @__PURE__ */ new Set();
    let positional = false;
    let substitution = false;
    for (const r of this.evaluated) {
      let region = this.withoutExpressions(r.start, r.end);
      if (r.code) {
        region = region.replace(/'[^']*'/g, " ");
        for (const m of region.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]);
      } else {
        for (const m of region.matchAll(NAME)) names.add(m[0]);
      }
      if (POSITIONAL.test(region)) positional = true;
      if (COMMAND_SUBSTITUTION.test(region)) substitution = true;
    }
    return { names, positional, substitution };
  }
  /**
   * Refuses every string-valued expression that stands where bash would evaluate it: in a refused
   * word, or in a value that reaches a variable the script evaluates (`x=...; (( x ))`), directly or
   * through other assignments, positional parameters, or `read`.
   */
  applyDangers() {
    if (this.aliases.size) {
      for (const c of this.commandArguments) {
        if (!this.aliases.has(c.name) && !this.aliases.has(null)) continue;
        this.dangers.push({ ...c, reason: ALIAS_REFUSAL });
        this.evaluated.push({ ...c, code: true });
      }
    }
    const defined = new Set([...this.withoutExpressions(0, this.text.length).matchAll(FUNCTION_DEFINITION)].map((m) => m[1] ?? m[2]));
    const calls = this.positional.filter((p) => !PLAIN_BUILTINS.has(p.name) || defined.has(p.name));
    this.positional.splice(0, this.positional.length, ...calls);
    const alias = (name) => this.aliases.has(name) || this.aliases.has(null);
    for (const call of this.commandInputs.filter((c) => this.stdinCodeAnywhere && defined.has(c.name) || alias(c.name))) {
      for (const r of call.ranges) {
        this.dangers.push({ ...r, reason: REASONS.stdinCode });
        this.evaluated.push({ ...r, code: true });
      }
      for (const h of call.heredocs) {
        if (!h.body || h.quoted) continue;
        this.dangers.push({ ...h.body, reason: REASONS.stdinCode });
        this.evaluated.push(h.body);
      }
    }
    for (const feed of this.outputFeeds) {
      if (!this.stdinCodeStarts.some((s) => s >= feed.sub.start && s < feed.sub.end)) continue;
      this.dangers.push({ start: feed.start, end: feed.end, reason: REASONS.stdinCode });
      this.evaluated.push({ start: feed.start, end: feed.end, code: true });
      for (const h of feed.heredocs) {
        if (!h.body || h.quoted) continue;
        this.dangers.push({ ...h.body, reason: REASONS.stdinCode });
        this.evaluated.push(h.body);
      }
    }
    if (this.stdinCodeAnywhere) this.codeFiles.push(...this.inputFiles);
    for (let round = 0; round <= this.copies.length; round++) {
      const group = this.copies.find((c) => c.some((f) => this.isCodeFile(f)) && c.some((f) => !this.codeFiles.includes(f)));
      if (!group) break;
      this.codeFiles.push(...group);
    }
    const codeWrites = this.fileWrites.filter((w) => w.paths.some((p) => this.isCodeFile(p)));
    for (const w of codeWrites) {
      this.evaluated.push({ start: w.start, end: w.end, code: true });
      for (const h of w.heredocs) if (h.body) this.evaluated.push(h.body);
    }
    const { names, positional: positionalEvaluated, substitution } = this.evaluatedNames();
    let evaluatesOutput = substitution;
    let positional = positionalEvaluated;
    const evaluated = /* @__PURE__ */ new Set([...names, ...this.evaluatingNames, ...CODE_VARIABLES]);
    for (let round = 0; round <= this.assignments.length + 1; round++) {
      const before = evaluated.size;
      const positionalBefore = positional;
      for (const a of this.assignments) {
        if (!evaluated.has(a.name) && !this.evaluatingUnknownName) continue;
        const value = this.withoutExpressions(a.start, a.end);
        if (COMMAND_SUBSTITUTION.test(value)) evaluatesOutput = true;
        for (const m of value.matchAll(NAME)) evaluated.add(m[0]);
        if (a.positional || POSITIONAL.test(value)) positional = true;
      }
      if (this.fillsUnknown || [...this.filled].some((n) => evaluated.has(n))) {
        for (const source of this.stdinSources) {
          const text = this.withoutExpressions(source.start, source.end);
          for (const m of text.matchAll(NAME)) evaluated.add(m[0]);
          if (POSITIONAL.test(text)) positional = true;
        }
      }
      if (positional) {
        for (const p of this.positional) for (const m of this.withoutExpressions(p.start, p.end).matchAll(NAME)) evaluated.add(m[0]);
      }
      if (evaluated.size === before && positional === positionalBefore) break;
    }
    const flows = [];
    const within = (d, r) => d.start >= r.start && d.start < r.end;
    const evaluatedAssignments = this.assignments.filter((a) => evaluated.has(a.name) || this.evaluatingUnknownName);
    if (this.dumps.some((d) => [...this.evaluated, ...evaluatedAssignments].some((r) => within(d, r)))) {
      flows.push({ start: 0, end: this.text.length, reason: "the script prints the environment, where values are passed, into code" });
    }
    const implicit = [...evaluated].find((n) => IMPLICIT_DATA_VARIABLES.has(n));
    if (implicit) {
      flows.push({ start: 0, end: this.text.length, reason: `the script evaluates ${implicit}, which bash sets from the arguments or input of other commands` });
    }
    for (const a of this.assignments) {
      if (evaluated.has(a.name) || this.evaluatingUnknownName) {
        flows.push({
          ...a,
          reason: `its value is assigned to ${a.name}, which the script evaluates (arithmetic, a subscript, an integer or reference variable, or code)`
        });
      }
    }
    const carrier = [...evaluated].find((n) => /^RETRAIN_E[0-9]+$/.test(n));
    if (carrier) flows.push({ start: 0, end: this.text.length, reason: `values are passed in ${carrier} and the like, which the script evaluates` });
    if (positional) {
      for (const p of this.positional) {
        flows.push({
          ...p,
          reason: `it becomes a positional parameter of ${p.name}, and the script evaluates positional parameters ($1, $@) as arithmetic or code`
        });
      }
    }
    if (positional && this.positional.some((p) => COMMAND_SUBSTITUTION.test(this.withoutExpressions(p.start, p.end)))) evaluatesOutput = true;
    const readsBack = evaluatesOutput || this.fillsUnknown || [...this.filled].some((n) => evaluated.has(n));
    if (readsBack) {
      const reason = "it is written to a file, and the script evaluates what it reads back from files or command output";
      for (const w of this.fileWrites) {
        flows.push({ start: w.start, end: w.end, reason });
        for (const h of w.heredocs) if (h.body) flows.push({ ...h.body, reason });
      }
    }
    if (evaluatesOutput) {
      for (const s of this.stdinSources) {
        flows.push({ ...s, reason: "it reaches the input of a command substitution whose output the script evaluates" });
      }
    }
    for (const w of codeWrites) {
      const reason = "it is written to a file that the script runs as code";
      flows.push({ start: w.start, end: w.end, reason });
      for (const h of w.heredocs) if (h.body) flows.push({ ...h.body, reason });
    }
    if (this.fillsUnknown) {
      for (const s of this.stdinSources) {
        flows.push({ ...s, reason: "it reaches an input the script reads into a variable whose name is not a literal word, which the script may evaluate" });
      }
    } else if ([...this.filled].some((n) => evaluated.has(n))) {
      for (const s of this.stdinSources) {
        flows.push({ ...s, reason: "it reaches an input the script reads into a variable (read, mapfile) that it then evaluates as arithmetic or code" });
      }
    }
    const optionFlows = this.optionFlows();
    for (const { heredoc, ...reach } of this.optionHeredocs) if (heredoc.body) this.optionOperands.push({ ...heredoc.body, ...reach });
    const functions = new Set([...this.withoutExpressions(0, this.text.length).matchAll(FUNCTION_DEFINITION)].map((m) => m[1] ?? m[2]));
    const optionOperands = this.optionOperands.filter((o) => !functions.has(o.program));
    for (const [index, e] of this.replacements.entries()) {
      if (e.validated) continue;
      const listed = this.listed(e.expression);
      const applies = (r) => e.start >= r.start && e.start < r.end && !(listed && isOptionReason(r.reason));
      const danger = this.dangers.find((r) => applies(r) && !isOptionReason(r.reason)) ?? this.dangers.find(applies) ?? flows.find(applies);
      if (danger) {
        this.problem(e.start, `\${{ ${e.expression} }}: ${danger.reason}; ${SAFE_ALTERNATIVE}`);
        continue;
      }
      if (listed) continue;
      const name = this.expressions[index].name;
      const checks = [...optionFlows(e.start, name), ...optionOperands.filter((o) => e.start >= o.start && e.start < o.end)];
      const first = checks[0];
      if (!first) continue;
      const leads = [...new Set(checks.flatMap((c) => [...c.leads]))].join("");
      this.optionChecks.push({ name, expression: e.expression, program: first.program, leads, tokens: checks.some((c) => c.tokens), offset: e.start });
    }
    this.problems.sort((a, b) => a.offset - b.offset);
  }
};

// src/spec/source.ts
var import_yaml = __toESM(require_dist(), 1);
var YAML_LIMITS = {
  /** Nesting of mappings and sequences, aliases expanded. */
  maxDepth: 64,
  /** Nodes the document holds once every alias is expanded (an alias bomb grows exponentially). */
  maxExpandedNodes: 1e5,
  /** Alias nodes (`*name`) in one spec. */
  maxAliases: 1e3
};
function childrenOf(node) {
  if ((0, import_yaml.isMap)(node) || (0, import_yaml.isSeq)(node)) return node.items;
  if ((0, import_yaml.isPair)(node)) return [node.key, node.value];
  return [];
}
function nodeOffset(node) {
  const range = node?.range;
  return range ? range[0] : void 0;
}
var Source = class {
  constructor(text, file) {
    this.text = text;
    this.file = file;
    this.doc = (0, import_yaml.parseDocument)(text, { lineCounter: this.lineCounter, prettyErrors: false, uniqueKeys: true });
  }
  text;
  file;
  lineCounter = new import_yaml.LineCounter();
  doc;
  /**
   * What the parsed document must not do before it is turned into data: aliases that refer to no
   * earlier anchor, to a node containing them, too many of them, or expanding the spec past the
   * limits; nesting deeper than the limit; strings holding a NUL byte. One problem per kind, at the
   * first node that shows it. Iterative: a deep document cannot exhaust the stack here.
   */
  guardProblems() {
    const problems = /* @__PURE__ */ new Map();
    const report = (kind, node, message) => {
      if (!problems.has(kind)) problems.set(kind, { ...this.at(nodeOffset(node) ?? 0), message });
    };
    const anchors = /* @__PURE__ */ new Map();
    const open = /* @__PURE__ */ new Set();
    const measured = /* @__PURE__ */ new Map();
    let aliases = 0;
    const root = this.doc.contents;
    if (root === null || root === void 0) return [];
    const stack = [];
    const enter = (node, depth) => {
      if (node === null || node === void 0) return { size: 0, height: 0 };
      if ((0, import_yaml.isAlias)(node)) {
        aliases++;
        if (aliases > YAML_LIMITS.maxAliases) {
          report("aliases", node, `the spec uses more than ${YAML_LIMITS.maxAliases} aliases (*name); write the values out`);
          return { size: 1, height: 0 };
        }
        const target = anchors.get(node.source);
        if (target === void 0) {
          report(
            "alias-undefined",
            node,
            `alias *${node.source} refers to no anchor (&${node.source}) defined before it; define the anchor first or write the value out`
          );
          return { size: 1, height: 0 };
        }
        if (open.has(target)) {
          report("alias-cycle", node, `alias *${node.source} refers to a node that contains it, which would never end; write the value out`);
          return { size: 1, height: 0 };
        }
        return measured.get(target) ?? { size: 1, height: 0 };
      }
      const anchor = node.anchor;
      if (anchor) anchors.set(anchor, node);
      if ((0, import_yaml.isScalar)(node)) {
        if (typeof node.value === "string" && node.value.includes("\0")) {
          const at = node.value.indexOf("\0") + 1;
          report(
            "nul",
            node,
            `${pathText()} contains a NUL byte (\\0) at character ${at}, which no command, argument or environment variable can carry; remove it`
          );
        }
        const m = { size: 1, height: 0 };
        measured.set(node, m);
        return m;
      }
      if (!(0, import_yaml.isPair)(node) && depth > YAML_LIMITS.maxDepth) {
        report("depth", node, `the spec nests deeper than ${YAML_LIMITS.maxDepth} levels here; a spec needs only a few`);
        return { size: 1, height: 0 };
      }
      open.add(node);
      stack.push({ node, children: childrenOf(node), next: 0, size: 1, height: 0, depth });
      return null;
    };
    const finishChild = (m) => {
      const top = stack[stack.length - 1];
      top.size += m.size;
      top.height = Math.max(top.height, m.height + ((0, import_yaml.isPair)(top.node) ? 0 : 1));
    };
    const pathText = () => {
      let out = "";
      for (let i = 0; i < stack.length; i++) {
        const frame = stack[i];
        if ((0, import_yaml.isPair)(frame.node)) {
          if (frame.next <= 1) return out ? `the key in ${out}` : "a key";
          const key = keyText(this.resolve(frame.node.key));
          out += /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? out ? `.${key}` : key : `[${JSON.stringify(key.slice(0, 40))}]`;
        } else if ((0, import_yaml.isSeq)(frame.node)) {
          out += `[${frame.next - 1}]`;
        }
      }
      return out || "the spec";
    };
    let expanded = 0;
    const first = enter(root, 1);
    if (first) return [...problems.values()];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next < top.children.length) {
        const child = top.children[top.next++];
        const childDepth = top.depth + ((0, import_yaml.isPair)(top.node) ? 0 : 1);
        const m2 = enter(child, childDepth);
        if (m2) finishChild(m2);
        if ((0, import_yaml.isAlias)(child) && m2) {
          expanded += m2.size;
          if (childDepth + m2.height - 1 > YAML_LIMITS.maxDepth) {
            report("depth", child, `alias *${child.source} nests the spec deeper than ${YAML_LIMITS.maxDepth} levels here; a spec needs only a few`);
          }
          if (expanded > YAML_LIMITS.maxExpandedNodes) {
            report(
              "expansion",
              child,
              `aliases expand the spec past ${YAML_LIMITS.maxExpandedNodes} nodes here (an alias bomb?); write the values out or use fewer aliases`
            );
            return [...problems.values()];
          }
        } else {
          expanded++;
        }
        continue;
      }
      stack.pop();
      open.delete(top.node);
      const m = { size: top.size, height: top.height };
      measured.set(top.node, m);
      if (stack.length > 0) finishChild(m);
    }
    return [...problems.values()];
  }
  at(offset) {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line: Math.max(line, 1), col: Math.max(col, 1) };
  }
  resolve(node) {
    return (0, import_yaml.isAlias)(node) ? node.resolve(this.doc) : node;
  }
  /** The deepest node (and the pair holding it) on a path of keys and indexes. */
  find(segments) {
    let node = this.resolve(this.doc.contents);
    let pair;
    for (const segment of segments) {
      if ((0, import_yaml.isMap)(node)) {
        const found = node.items.find((item) => keyText(this.resolve(item.key)) === segment);
        if (!found) break;
        pair = found;
        node = this.resolve(found.value);
      } else if ((0, import_yaml.isSeq)(node)) {
        const item = node.items[Number(segment)];
        if (item === void 0) break;
        pair = void 0;
        node = this.resolve(item);
      } else {
        break;
      }
    }
    return { node, pair };
  }
  /** Where a value is; a key without a value points at its key. */
  valueAt(segments) {
    const { node, pair } = this.find(segments);
    const offset = node?.range?.[0] ?? pair?.key?.range?.[0] ?? this.firstOffset();
    return this.at(offset);
  }
  /** Where a key is written (for an unknown or duplicated key). */
  keyAt(segments, key) {
    const { node } = this.find(segments);
    if ((0, import_yaml.isMap)(node)) {
      const found = node.items.find((item) => keyText(this.resolve(item.key)) === key);
      const offset = found?.key?.range?.[0];
      if (offset !== void 0) return this.at(offset);
    }
    return this.valueAt(segments);
  }
  firstOffset() {
    return this.doc.contents?.range?.[0] ?? 0;
  }
  /**
   * Places offsets of a scalar's value in the file. Escapes and folding make a general mapping hard,
   * but `${{` survives them all: the n-th `${{` of the value is the n-th of the node's source text.
   */
  locator(segments, value) {
    const { node } = this.find(segments);
    const start = node?.range?.[0];
    const fallback = this.valueAt(segments);
    if (!(0, import_yaml.isScalar)(node) || start === void 0 || !node.range) return () => fallback;
    const raw = this.text.slice(start, node.range[1]);
    const inValue = occurrences(value, "${{");
    const inSource = occurrences(raw, "${{");
    if (inValue.length !== inSource.length) return () => fallback;
    return (offset) => {
      let index = -1;
      while (index + 1 < inValue.length && inValue[index + 1] <= offset) index++;
      return index < 0 ? fallback : this.at(start + inSource[index]);
    };
  }
};
function keyText(key) {
  return (0, import_yaml.isScalar)(key) ? String(key.value) : String(key);
}
function occurrences(text, needle) {
  const found = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) found.push(i);
  return found;
}

// src/metrics/spec-checks.ts
var MIN_TAIL_RESAMPLES = 5;
function columnProblems(predictions) {
  const problems = [];
  const name = {
    id: predictions.id ?? "id",
    label: predictions.label ?? "label",
    prediction: predictions.prediction ?? "prediction",
    score: predictions.score ?? "score"
  };
  for (const output of ["prediction", "score"]) {
    for (const given of ["label", "id"]) {
      if (name[output] !== name[given]) continue;
      const key = predictions[output] !== void 0 ? output : given;
      problems.push({
        segments: ["evaluate", "predictions", key],
        message: `evaluate.predictions: the ${output} column and the ${given} column are both "${name[output]}"; the model's ${output}s must be a column of their own, or it would be judged on its ${given}s`
      });
    }
  }
  return problems;
}
function computedMetricProblems(spec) {
  const problems = [];
  const predictions = spec.evaluate.predictions;
  const resamples = spec.evaluate.bootstrap?.resamples ?? DEFAULT_BOOTSTRAP.resamples;
  if (predictions?.task !== void 0) problems.push(...columnProblems(predictions));
  for (const metric of spec.metrics) {
    const at = (...keys) => ["metrics", metric.name, ...keys];
    if (metric.compute !== void 0) {
      const definition = definitionOf(metric.compute);
      if (predictions?.task === void 0) {
        problems.push({
          segments: at("compute"),
          message: `metrics.${metric.name} is computed from predictions: declare evaluate.predictions with a task (binary, multiclass or regression)`
        });
      } else if (!definition.tasks.includes(predictions.task)) {
        problems.push({
          segments: at("compute"),
          message: `metrics.${metric.name}: ${metric.compute} applies to ${definition.tasks.join(" and ")} tasks, but evaluate.predictions.task is ${predictions.task}`
        });
      }
      if (definition.goal !== metric.goal) {
        problems.push({
          segments: at("goal"),
          message: `metrics.${metric.name}: ${metric.compute} is better when ${definition.goal === "maximize" ? "larger" : "smaller"}; set goal: ${definition.goal}`
        });
      }
    }
    metric.change.forEach((rule, i) => {
      if (rule.confidence === void 0) return;
      const where = at("change", String(i), "confidence");
      if (metric.compute === void 0) {
        problems.push({
          segments: where,
          message: `metrics.${metric.name}.change[${i}]: a confidence rule needs per-example predictions; add compute: to the metric (and evaluate.predictions)`
        });
      }
      const tail = (1 - rule.confidence) * (resamples + 1);
      if (tail < MIN_TAIL_RESAMPLES) {
        const needed = Math.ceil(MIN_TAIL_RESAMPLES / (1 - rule.confidence));
        problems.push({
          segments: where,
          message: `metrics.${metric.name}.change[${i}]: confidence ${rule.confidence} needs at least ${needed} bootstrap resamples (evaluate.bootstrap.resamples is ${resamples})`
        });
      }
    });
    if (metric.slices !== void 0) {
      if (metric.compute === void 0) {
        problems.push({
          segments: at("slices"),
          message: `metrics.${metric.name}.slices: a slice rule needs per-example predictions; add compute: to the metric`
        });
      } else if ((predictions?.slices ?? []).length === 0) {
        problems.push({ segments: at("slices"), message: `metrics.${metric.name}.slices: name the slice columns in evaluate.predictions.slices` });
      }
    }
  }
  return problems;
}

// src/spec/types.ts
var DEFAULT_DRIFT_THRESHOLDS = { psi: 0.2, ksP: 0.01, chi2P: 0.01 };

// src/spec/load.ts
async function loadSpec(file, options = {}) {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, file);
  let bytes;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    const code = error.code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : String(error);
    throw new InputError([{ file: displayName(absolute, cwd), message: `cannot read the spec: ${reason}` }]);
  }
  return loadSpecBytes(bytes, file, options);
}
function loadSpecBytes(bytes, file, options = {}) {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, file);
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError([invalidUtf8Problem(bytes, displayName(absolute, cwd))]);
  }
  return buildSpec(text, sha256(bytes), absolute, cwd);
}
function firstInvalidUtf8(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 128) {
      i++;
      continue;
    }
    let need;
    let min;
    if (b >= 194 && b <= 223) [need, min] = [1, 128];
    else if (b >= 224 && b <= 239) [need, min] = [2, 2048];
    else if (b >= 240 && b <= 244) [need, min] = [3, 65536];
    else return i;
    let cp = b & 63 >> need;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === void 0 || (c & 192) !== 128) return i;
      cp = cp << 6 | c & 63;
    }
    if (cp < min || cp >= 55296 && cp <= 57343 || cp > 1114111) return i;
    i += need + 1;
  }
  return -1;
}
function invalidUtf8Problem(bytes, file) {
  const offset = Math.max(0, firstInvalidUtf8(bytes));
  const lineStart = bytes.lastIndexOf(10, offset - 1) + 1;
  let line = 1;
  for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
  const before = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset));
  const col = [...before].length + 1;
  const hex = [...bytes.subarray(offset, offset + 4)].map((b) => b.toString(16).padStart(2, "0")).join(" ");
  return {
    file,
    line,
    col,
    message: `the spec is not valid UTF-8 text: byte ${offset} (0x${hex.split(" ")[0]}, in "${hex}") starts no valid character; save the file as UTF-8`
  };
}
function parseSpec(text, file, options = {}) {
  const cwd = options.cwd ?? process.cwd();
  return buildSpec(text, sha256(Buffer.from(text, "utf8")), path.resolve(cwd, file), cwd);
}
function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
function displayName(absolute, cwd) {
  const relative = path.relative(cwd, absolute);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : absolute;
}
var NO_RULE_MESSAGE = "no rule would judge the candidate; add a bound (min/max) or a change rule";
function predictionsOf(raw) {
  const { "probability-prefix": prefix, classes, ...rest } = raw;
  return { ...rest, ...prefix !== void 0 && { probabilityPrefix: prefix }, ...classes !== void 0 && { classes: classes.map(String) } };
}
function slug(name) {
  const s = name.toLowerCase().replace(/[^a-z0-9_]+/g, "-").replace(/^-+|-+$/g, "");
  return s && /^[0-9]/.test(s) ? `step-${s}` : s;
}
var SpecBuilder = class {
  constructor(source, raw) {
    this.source = source;
    this.raw = raw;
    this.paramNames = Object.keys(raw.params ?? {});
  }
  source;
  raw;
  problems = [];
  paramNames;
  problem(location, message) {
    this.problems.push({ ...location, message });
  }
  /** Checks every `${{ }}` in a value that is data (env, working-directory, `with`). */
  checkTemplate(segments, value) {
    const { spans, unterminated } = scanTemplate(value);
    if (spans.length === 0 && unterminated === void 0) return;
    const locate = this.source.locator(segments, value);
    for (const span of spans) {
      const message = checkExpression(span.expression, SPEC_CONTEXTS, this.paramNames);
      if (message) this.problem(locate(span.start), message);
    }
    if (unterminated !== void 0) this.problem(locate(unterminated), UNTERMINATED_MESSAGE);
  }
  env(segments, raw) {
    const env = {};
    for (const [key, value] of Object.entries(raw ?? {})) {
      const node = this.source.find([...segments, key]).node;
      const spelled = (0, import_yaml2.isScalar)(node) && node.source !== void 0 ? node.source : String(value);
      const text = typeof value === "string" ? value : spelled;
      this.checkTemplate([...segments, key], text);
      env[key] = text;
    }
    return env;
  }
  withStrings(segments, value) {
    if (typeof value === "string") this.checkTemplate(segments, value);
    else if (Array.isArray(value)) value.forEach((item, i) => this.withStrings([...segments, String(i)], item));
    else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) this.withStrings([...segments, k], v);
    }
  }
  /** A built-in trainer's name and `with:` options; values holding expressions are checked at run time. */
  builtinOptions(segments, uses, options) {
    for (const p of parseTrainerOptions(uses.slice("builtin/".length), options, true).problems) {
      const at = this.source.valueAt(p.path === null || !options ? [...segments, "uses"] : [...segments, "with", ...p.path]);
      this.problem(at, `steps[${segments[1]}]: ${p.message}`);
    }
    this.builtinData(segments, options?.data);
  }
  /**
   * The data input a built-in trainer reads (`with.data`, default "train"): a declared input, and not
   * one the evaluation reads, which the leakage guard (by input) would not see. An expression's
   * value is known at run time only.
   */
  builtinData(segments, value) {
    const name = value === void 0 ? "train" : value;
    if (typeof name !== "string" || name.includes("${{")) return;
    const chosen = name.trim();
    const at = this.source.valueAt(value === void 0 ? [...segments, "uses"] : [...segments, "with", "data"]);
    const which = value === void 0 ? 'with.data (default "train")' : "with.data";
    const evaluation = this.raw.evaluate?.data;
    if ((typeof evaluation === "string" ? [evaluation] : evaluation ?? []).includes(chosen)) {
      this.problem(
        at,
        `steps[${segments[1]}]: ${which} names ${preview(chosen)}, which evaluate.data reads: a model trained on its evaluation data would be judged on what it memorized; train on another data input`
      );
    } else if (!Object.hasOwn(this.raw.data ?? {}, chosen)) {
      const declared = Object.keys(this.raw.data ?? {});
      const near = closest(chosen, declared);
      this.problem(
        at,
        `steps[${segments[1]}]: ${which} names ${preview(chosen)}, which is not declared under data${near ? `; did you mean ${preview(near)}?` : ""} (declared: ${declared.join(", ") || "none"})`
      );
    }
  }
  command(segments, raw) {
    const shell = parseShell(raw.shell);
    let run;
    let expressionEnv = [];
    if (raw.run !== void 0) {
      const runSegments = [...segments, "run"];
      const locate = this.source.locator(runSegments, raw.run);
      for (const span of scanTemplate(raw.run).spans) {
        const message = checkExpression(span.expression, SPEC_CONTEXTS, this.paramNames);
        if (message) this.problem(locate(span.start), message);
      }
      try {
        const rewritten = rewriteRunScript(raw.run, shell, this.source.valueAt(runSegments), 1, locate, this.raw.params);
        run = rewritten.script;
        expressionEnv = rewritten.expressions;
        if (rewritten.optionChecks)
          expressionEnv = [...expressionEnv, { name: OPTION_CHECKS_VARIABLE, expression: optionChecksExpression(rewritten.optionChecks) }];
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        this.problems.push(...error.problems);
      }
    }
    if (raw["working-directory"] !== void 0) {
      this.checkTemplate([...segments, "working-directory"], raw["working-directory"]);
    }
    return {
      run,
      shell,
      expressionEnv,
      env: this.env([...segments, "env"], raw.env),
      ...raw["working-directory"] !== void 0 && { workingDirectory: raw["working-directory"] },
      ...raw["timeout-minutes"] !== void 0 && { timeoutMinutes: raw["timeout-minutes"] },
      location: this.source.valueAt(segments)
    };
  }
  params() {
    const params = {};
    const byEnvName = /* @__PURE__ */ new Map();
    for (const [name, param] of Object.entries(this.raw.params ?? {})) {
      const at = (...keys) => this.source.valueAt(["params", name, ...keys]);
      const subject = `params.${name}`;
      const other = byEnvName.get(paramEnvName(name));
      if (other !== void 0) {
        this.problem(
          this.source.keyAt(["params"], name),
          `params ${preview(other)} and ${preview(name)} would share the environment variable ${paramEnvName(name)}; rename one`
        );
      }
      byEnvName.set(paramEnvName(name), name);
      const numeric = param.type === "number" || param.type === "integer";
      for (const bound of ["minimum", "maximum"]) {
        if (param[bound] !== void 0 && !numeric) {
          this.problem(at(bound), `${subject}.${bound} applies only to number and integer params (this one is ${param.type})`);
        }
      }
      if (numeric && param.minimum !== void 0 && param.maximum !== void 0 && param.minimum > param.maximum) {
        this.problem(at("minimum"), `${subject}.minimum (${param.minimum}) is greater than its maximum (${param.maximum})`);
      }
      param.enum?.forEach((value, i) => {
        const problem = checkParamValue({ type: param.type }, value);
        if (problem) this.problem(at("enum", String(i)), `${subject}.enum[${i}] ${problem} (got ${preview(value)})`);
      });
      if (param.default !== void 0) {
        const problem = checkParamValue(param, param.default);
        if (problem) this.problem(at("default"), `${subject}.default ${problem} (got ${preview(param.default)})`);
      }
      params[name] = { ...param };
    }
    const defaults = Object.fromEntries(Object.entries(params).flatMap(([n, p]) => p.default === void 0 ? [] : [[n, p.default]]));
    const total = paramsTotalProblem(defaults);
    if (total) this.problem(this.source.keyAt([], "params"), `the defaults of ${total}`);
    return params;
  }
  data() {
    const data = {};
    const byEnvName = /* @__PURE__ */ new Map();
    for (const [name, input] of Object.entries(this.raw.data ?? {})) {
      const other = byEnvName.get(dataEnvName(name));
      if (other !== void 0) {
        this.problem(
          this.source.keyAt(["data"], name),
          `data inputs ${preview(other)} and ${preview(name)} would share the environment variable ${dataEnvName(name)}; rename one`
        );
      }
      byEnvName.set(dataEnvName(name), name);
      const listed = typeof input !== "string" && typeof input.path !== "string";
      const paths = typeof input === "string" ? [input] : typeof input.path === "string" ? [input.path] : [...input.path];
      const segments = paths.map((_, i) => typeof input === "string" ? ["data", name] : listed ? ["data", name, "path", String(i)] : ["data", name, "path"]);
      paths.forEach((text, i) => this.dataPath(name, segments[i], text));
      data[name] = {
        paths,
        locations: segments.map((s) => this.source.valueAt(s)),
        ...typeof input !== "string" && input.description !== void 0 && { description: input.description }
      };
    }
    return data;
  }
  /**
   * A data path may hold expressions on params and github, known before anything runs; the values
   * they may take (enum values, defaults) and the literal text must keep the path under root.
   */
  dataPath(input, segments, text) {
    const { spans, unterminated } = scanTemplate(text);
    if (spans.length === 0 && unterminated === void 0) return;
    const locate = this.source.locator(segments, text);
    if (unterminated !== void 0) this.problem(locate(unterminated), UNTERMINATED_MESSAGE);
    for (const span of spans) {
      let message = checkExpression(span.expression, DATA_CONTEXTS, this.paramNames);
      if (message && checkExpression(span.expression, SPEC_CONTEXTS, this.paramNames) === null) {
        message = `\${{ ${span.expression} }} in data input "${input}" may use only the params and github contexts: data is fingerprinted before any step runs, so steps, env, data, baseline and candidate do not exist yet`;
      }
      if (message) {
        this.problem(locate(span.start), message);
        continue;
      }
      for (const param of referencedParams(span.expression)) {
        const declared = Object.entries(this.raw.params ?? {}).find(([n]) => n.toLowerCase() === param.toLowerCase());
        if (!declared) continue;
        const [paramName, spec] = declared;
        const values = [
          ...(spec.enum ?? []).map((v, i) => [v, `enum value ${i}`]),
          ...spec.default !== void 0 ? [[spec.default, "default"]] : []
        ];
        for (const [value, what] of values) {
          const problem2 = typeof value === "string" ? pathEscapeProblem(value) : null;
          if (problem2) {
            this.problem(
              locate(span.start),
              `data input "${input}": params.${paramName} ${what} ${preview(value)} ${problem2}, which would read outside the spec's root; a value in a data path must name a file under root`
            );
          }
        }
      }
    }
    if (unterminated !== void 0) return;
    const problem = pathEscapeProblem(skeletonOf(text, spans));
    if (problem) {
      this.problem(
        this.source.valueAt(segments),
        `data input "${input}": a path with expressions must stay under root, but its text ${problem}; write it relative to root`
      );
    }
  }
  steps() {
    const ids = /* @__PURE__ */ new Map();
    return this.raw.steps.map((step, index) => {
      const segments = ["steps", String(index)];
      const derivedFrom = step.id !== void 0 ? void 0 : step.name !== void 0 ? "name" : "position";
      const stepId = step.id ?? (step.name !== void 0 && slug(step.name) || `step-${index + 1}`);
      const first = ids.get(stepId);
      if (first !== void 0) {
        const where = derivedFrom === "position" ? segments : [...segments, derivedFrom ?? "id"];
        const how = derivedFrom ? ` (derived from its ${derivedFrom}; set id: to tell them apart)` : "";
        this.problem(
          this.source.valueAt(where),
          `step id ${preview(stepId)} of steps[${index}] is already used by steps[${first}]${how}; step ids must be unique`
        );
      } else {
        ids.set(stepId, index);
      }
      if (step.with !== void 0) this.withStrings([...segments, "with"], step.with);
      if (step.uses !== void 0) this.builtinOptions(segments, step.uses, step.with);
      const { run, ...command } = this.command(segments, step);
      return {
        id: stepId,
        name: step.name ?? stepId,
        ...run !== void 0 && { run },
        ...step.uses !== void 0 && { uses: step.uses },
        ...step.with !== void 0 && { with: step.with },
        ...command,
        ...step.cache !== void 0 && { cache: this.stepCache(segments, index, step.cache) }
      };
    });
  }
  stepCache(segments, index, raw) {
    const { cache, problems } = parseStepCache(raw, {
      stepIndex: index,
      dataNames: Object.keys(this.raw.data ?? {}),
      paramNames: this.paramNames,
      at: (keys) => this.source.valueAt([...segments, "cache", ...keys])
    });
    this.problems.push(...problems);
    return cache;
  }
  checks(data) {
    const checks = {};
    const declared = Object.keys(data);
    for (const [name, raw] of Object.entries(this.raw.checks ?? {})) {
      if (!Object.hasOwn(data, name)) {
        const near = closest(name, declared);
        this.problem(
          this.source.keyAt(["checks"], name),
          `checks names ${preview(name)}, which is not declared under data${near ? `; did you mean "${near}"?` : ""}`
        );
        continue;
      }
      const columns = {};
      for (const [column, c] of Object.entries(raw.columns ?? {})) {
        if (c.min !== void 0 && c.max !== void 0 && c.min > c.max) {
          this.problem(
            this.source.valueAt(["checks", name, "columns", column, "min"]),
            `checks.${name}.columns.${column}: min (${c.min}) is greater than max (${c.max})`
          );
        }
        columns[column] = {
          ...c.type !== void 0 && { type: c.type },
          ...c["max-missing"] !== void 0 && { maxMissing: c["max-missing"] },
          ...c.min !== void 0 && { min: c.min },
          ...c.max !== void 0 && { max: c.max },
          ...c.values !== void 0 && { values: c.values.map(String) },
          ...c["max-mean-shift"] !== void 0 && { maxMeanShift: c["max-mean-shift"] }
        };
      }
      checks[name] = {
        ...raw["min-rows"] !== void 0 && { minRows: raw["min-rows"] },
        columns,
        ...raw["unexpected-columns"] !== void 0 && { unexpectedColumns: raw["unexpected-columns"] }
      };
    }
    return checks;
  }
  /** A drift policy (the spec's drift block, or retrain-when's over it): inputs named under data, defaults filled in. */
  drift(at, raw, data, evaluation, base) {
    const declared = Object.keys(data);
    for (const [i, name] of (raw?.inputs ?? []).entries()) {
      if (!Object.hasOwn(data, name)) {
        const near = closest(name, declared);
        this.problem(
          this.source.valueAt([...at, "inputs", String(i)]),
          `${at.join(".")}.inputs names ${preview(name)}, which is not declared under data${near ? `; did you mean "${near}"?` : ""}`
        );
      }
    }
    return {
      inputs: raw?.inputs ? [...raw.inputs] : base?.inputs ?? declared.filter((name) => !evaluation.includes(name)),
      psi: raw?.psi ?? base?.psi ?? DEFAULT_DRIFT_THRESHOLDS.psi,
      ksP: raw?.["ks-p"] ?? base?.ksP ?? DEFAULT_DRIFT_THRESHOLDS.ksP,
      chi2P: raw?.["chi2-p"] ?? base?.chi2P ?? DEFAULT_DRIFT_THRESHOLDS.chi2P
    };
  }
  evaluate(data) {
    const raw = this.raw.evaluate;
    const names = typeof raw.data === "string" ? [raw.data] : raw.data;
    const declared = Object.keys(data);
    names.forEach((name, i) => {
      if (Object.hasOwn(data, name)) return;
      const at = this.source.valueAt(typeof raw.data === "string" ? ["evaluate", "data"] : ["evaluate", "data", String(i)]);
      const near = closest(name, declared);
      const known = declared.length ? `declared: ${declared.join(", ")}` : "the spec declares no data inputs";
      const suggestion = near ? `; did you mean "${near}"?` : "";
      this.problem(at, `evaluate.data names ${preview(name)}, which is not declared under data${suggestion} (${known})`);
    });
    const { run, ...command } = this.command(["evaluate"], raw);
    return {
      run: run ?? raw.run,
      ...command,
      data: [...names],
      ...raw.predictions !== void 0 && { predictions: predictionsOf(raw.predictions) },
      ...raw.bootstrap !== void 0 && { bootstrap: { ...raw.bootstrap } }
    };
  }
  metrics() {
    const metrics = Object.entries(this.raw.metrics).map(([name, metric]) => {
      const segments = ["metrics", name];
      if (metric.min !== void 0 && metric.max !== void 0 && metric.min > metric.max) {
        this.problem(this.source.valueAt([...segments, "min"]), `metrics.${name}: min (${metric.min}) is greater than max (${metric.max}); no value could pass`);
      }
      const change = (metric.change ?? []).map((rule, i) => ({
        ...rule.margin !== void 0 && { margin: rule.margin },
        ...rule["relative-margin"] !== void 0 && { relativeMargin: rule["relative-margin"] },
        ...rule.confidence !== void 0 && { confidence: rule.confidence },
        against: rule.against ?? "champion",
        location: this.source.valueAt([...segments, "change", String(i)])
      }));
      return {
        name,
        goal: metric.goal,
        ...metric.compute !== void 0 && { compute: metric.compute },
        ...metric.min !== void 0 && { min: metric.min },
        ...metric.max !== void 0 && { max: metric.max },
        change,
        ...metric.slices !== void 0 && {
          slices: {
            maxRegression: metric.slices["max-regression"],
            ...metric.slices["min-size"] !== void 0 && { minSize: metric.slices["min-size"] },
            ...metric.slices.confidence !== void 0 && { confidence: metric.slices.confidence }
          }
        },
        location: this.source.keyAt(["metrics"], name)
      };
    });
    if (!metrics.some((m) => m.min !== void 0 || m.max !== void 0 || m.change.length > 0 || m.slices !== void 0)) {
      this.problem(this.source.keyAt([], "metrics"), NO_RULE_MESSAGE);
    }
    return metrics;
  }
};
var MAX_YAML_ERRORS = 10;
function parseSource(text, file) {
  try {
    return new Source(text, file);
  } catch (error) {
    throw new InputError([
      { file, line: 1, col: 1, message: `invalid YAML: the parser gave up (${error.message}); a spec needs only a few levels of nesting` }
    ]);
  }
}
var MAX_MESSAGE = 2e3;
function buildSpec(text, digest, file, cwd) {
  try {
    return buildSpecUnbounded(text, digest, file, cwd);
  } catch (error) {
    if (!(error instanceof InputError) || error.problems.every((p) => p.message.length <= MAX_MESSAGE)) throw error;
    throw new InputError(
      error.problems.map((p) => p.message.length <= MAX_MESSAGE ? p : { ...p, message: `${p.message.slice(0, MAX_MESSAGE)}... (message cut)` }),
      error.reason
    );
  }
}
function buildSpecUnbounded(text, digest, file, cwd) {
  const source = parseSource(text, displayName(file, cwd));
  if (source.doc.errors.length) {
    const all = source.doc.errors.map((e) => ({
      ...source.at(e.pos[0]),
      message: e.code === "RESOURCE_EXHAUSTION" ? "invalid YAML: the spec nests too deeply for the parser here; a spec needs only a few levels" : `invalid YAML: ${e.message}`
    }));
    const unique = [...new Map(all.map((p) => [`${p.line}:${p.col}:${p.message}`, p])).values()];
    const shown = unique.slice(0, MAX_YAML_ERRORS);
    const more = unique.length - shown.length;
    if (more > 0) shown.push({ ...shown[shown.length - 1], message: `... and ${more} more YAML errors` });
    throw new InputError(shown);
  }
  const guarded = source.guardProblems();
  if (guarded.length) throw new InputError(guarded);
  let value;
  try {
    value = source.doc.toJS({ maxAliasCount: -1 });
  } catch (error) {
    throw new InputError([{ ...source.at(0), message: `the spec cannot be read as data: ${error.message}` }]);
  }
  if (value === null || value === void 0) {
    throw new InputError([{ ...source.at(0), message: "the spec is empty; it needs at least model, steps, evaluate, metrics and promotion" }]);
  }
  const problems = schemaProblems(source, value);
  if (problems.length) throw new InputError(problems);
  const raw = value;
  const builder = new SpecBuilder(source, raw);
  const params = builder.params();
  const data = builder.data();
  const evaluate = builder.evaluate(data);
  const spec = {
    file,
    root: raw.root !== void 0 ? path.resolve(path.dirname(file), raw.root) : path.resolve(cwd),
    digest,
    model: raw.model,
    ...raw.description !== void 0 && { description: raw.description },
    params,
    data,
    env: builder.env(["env"], raw.env),
    warmStart: raw["warm-start"] ?? "fallback",
    steps: builder.steps(),
    evaluate,
    metrics: builder.metrics(),
    promotion: {
      mode: raw.promotion.mode,
      firstModel: raw.promotion["first-model"],
      borderline: raw.promotion.borderline ?? "reject",
      approvers: [...raw.promotion.approvers ?? []]
    },
    checks: builder.checks(data),
    drift: builder.drift(["drift"], raw.drift, data, evaluate.data),
    lockfiles: [...raw.lockfiles ?? []],
    challengers: []
  };
  if (raw.retention) {
    const { "keep-rejected": keepRejected, "keep-retired": keepRetired } = raw.retention;
    spec.retention = { ...keepRejected !== void 0 && { keepRejected }, ...keepRetired !== void 0 && { keepRetired } };
  }
  if (raw["retrain-when"]) spec.retrainWhen = { drift: builder.drift(["retrain-when", "drift"], raw["retrain-when"].drift, data, evaluate.data, spec.drift) };
  const challengers = expandChallengers(raw.challengers, params, source);
  spec.challengers = challengers.challengers;
  builder.problems.push(...challengers.problems);
  for (const p of computedMetricProblems(spec)) builder.problems.push({ ...source.valueAt(p.segments), message: p.message });
  if (builder.problems.length) {
    throw new InputError([...builder.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0)));
  }
  return spec;
}
export {
  firstInvalidUtf8,
  loadSpec,
  loadSpecBytes,
  parseSpec
};
