import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  require_ucs2length
} from "./chunk-MJDWC35A.js";
import {
  BUNDLE_ARCHIVE,
  BUNDLE_MANIFEST,
  MANIFEST_SCHEMA_VERSION
} from "./chunk-VU7QOYKY.js";
import {
  DiskFullError,
  InputError,
  IntegrityError,
  MODEL_NOT_PACKABLE,
  isDiskFull
} from "./chunk-OLTTSRKB.js";
import {
  __commonJS,
  __toESM
} from "./chunk-SR7XTCTO.js";

// node_modules/ajv-formats/dist/formats.js
var require_formats = __commonJS({
  "node_modules/ajv-formats/dist/formats.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.formatNames = exports.fastFormats = exports.fullFormats = void 0;
    function fmtDef(validate, compare) {
      return { validate, compare };
    }
    exports.fullFormats = {
      // date: http://tools.ietf.org/html/rfc3339#section-5.6
      date: fmtDef(date, compareDate),
      // date-time: http://tools.ietf.org/html/rfc3339#section-5.6
      time: fmtDef(getTime(true), compareTime),
      "date-time": fmtDef(getDateTime(true), compareDateTime),
      "iso-time": fmtDef(getTime(), compareIsoTime),
      "iso-date-time": fmtDef(getDateTime(), compareIsoDateTime),
      // duration: https://tools.ietf.org/html/rfc3339#appendix-A
      duration: /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/,
      uri,
      "uri-reference": /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i,
      // uri-template: https://tools.ietf.org/html/rfc6570
      "uri-template": /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i,
      // For the source: https://gist.github.com/dperini/729294
      // For test cases: https://mathiasbynens.be/demo/url-regex
      url: /^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)(?:\.(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)*(?:\.(?:[a-z\u{00a1}-\u{ffff}]{2,})))(?::\d{2,5})?(?:\/[^\s]*)?$/iu,
      email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
      hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
      // optimized https://www.safaribooksonline.com/library/view/regular-expressions-cookbook/9780596802837/ch07s16.html
      ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
      ipv6: /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i,
      regex,
      // uuid: http://tools.ietf.org/html/rfc4122
      uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
      // JSON-pointer: https://tools.ietf.org/html/rfc6901
      // uri fragment: https://tools.ietf.org/html/rfc3986#appendix-A
      "json-pointer": /^(?:\/(?:[^~/]|~0|~1)*)*$/,
      "json-pointer-uri-fragment": /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
      // relative JSON-pointer: http://tools.ietf.org/html/draft-luff-relative-json-pointer-00
      "relative-json-pointer": /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/,
      // the following formats are used by the openapi specification: https://spec.openapis.org/oas/v3.0.0#data-types
      // byte: https://github.com/miguelmota/is-base64
      byte,
      // signed 32 bit integer
      int32: { type: "number", validate: validateInt32 },
      // signed 64 bit integer
      int64: { type: "number", validate: validateInt64 },
      // C-type float
      float: { type: "number", validate: validateNumber },
      // C-type double
      double: { type: "number", validate: validateNumber },
      // hint to the UI to hide input strings
      password: true,
      // unchecked string payload
      binary: true
    };
    exports.fastFormats = {
      ...exports.fullFormats,
      date: fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d$/, compareDate),
      time: fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareTime),
      "date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareDateTime),
      "iso-time": fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoTime),
      "iso-date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoDateTime),
      // uri: https://github.com/mafintosh/is-my-json-valid/blob/master/formats.js
      uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
      "uri-reference": /^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$/i,
      // email (sources from jsen validator):
      // http://stackoverflow.com/questions/201323/using-a-regular-expression-to-validate-an-email-address#answer-8829363
      // http://www.w3.org/TR/html5/forms.html#valid-e-mail-address (search for 'wilful violation')
      email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i
    };
    exports.formatNames = Object.keys(exports.fullFormats);
    function isLeapYear(year) {
      return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    }
    var DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
    var DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    function date(str) {
      const matches = DATE.exec(str);
      if (!matches)
        return false;
      const year = +matches[1];
      const month = +matches[2];
      const day = +matches[3];
      return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]);
    }
    function compareDate(d1, d2) {
      if (!(d1 && d2))
        return void 0;
      if (d1 > d2)
        return 1;
      if (d1 < d2)
        return -1;
      return 0;
    }
    var TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
    function getTime(strictTimeZone) {
      return function time(str) {
        const matches = TIME.exec(str);
        if (!matches)
          return false;
        const hr = +matches[1];
        const min = +matches[2];
        const sec = +matches[3];
        const tz = matches[4];
        const tzSign = matches[5] === "-" ? -1 : 1;
        const tzH = +(matches[6] || 0);
        const tzM = +(matches[7] || 0);
        if (tzH > 23 || tzM > 59 || strictTimeZone && !tz)
          return false;
        if (hr <= 23 && min <= 59 && sec < 60)
          return true;
        const utcMin = min - tzM * tzSign;
        const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
        return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
      };
    }
    function compareTime(s1, s2) {
      if (!(s1 && s2))
        return void 0;
      const t1 = (/* @__PURE__ */ new Date("2020-01-01T" + s1)).valueOf();
      const t2 = (/* @__PURE__ */ new Date("2020-01-01T" + s2)).valueOf();
      if (!(t1 && t2))
        return void 0;
      return t1 - t2;
    }
    function compareIsoTime(t1, t2) {
      if (!(t1 && t2))
        return void 0;
      const a1 = TIME.exec(t1);
      const a2 = TIME.exec(t2);
      if (!(a1 && a2))
        return void 0;
      t1 = a1[1] + a1[2] + a1[3];
      t2 = a2[1] + a2[2] + a2[3];
      if (t1 > t2)
        return 1;
      if (t1 < t2)
        return -1;
      return 0;
    }
    var DATE_TIME_SEPARATOR = /t|\s/i;
    function getDateTime(strictTimeZone) {
      const time = getTime(strictTimeZone);
      return function date_time(str) {
        const dateTime = str.split(DATE_TIME_SEPARATOR);
        return dateTime.length === 2 && date(dateTime[0]) && time(dateTime[1]);
      };
    }
    function compareDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const d1 = new Date(dt1).valueOf();
      const d2 = new Date(dt2).valueOf();
      if (!(d1 && d2))
        return void 0;
      return d1 - d2;
    }
    function compareIsoDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const [d1, t1] = dt1.split(DATE_TIME_SEPARATOR);
      const [d2, t2] = dt2.split(DATE_TIME_SEPARATOR);
      const res = compareDate(d1, d2);
      if (res === void 0)
        return void 0;
      return res || compareTime(t1, t2);
    }
    var NOT_URI_FRAGMENT = /\/|:/;
    var URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
    function uri(str) {
      return NOT_URI_FRAGMENT.test(str) && URI.test(str);
    }
    var BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;
    function byte(str) {
      BYTE.lastIndex = 0;
      return BYTE.test(str);
    }
    var MIN_INT32 = -(2 ** 31);
    var MAX_INT32 = 2 ** 31 - 1;
    function validateInt32(value) {
      return Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32;
    }
    function validateInt64(value) {
      return Number.isInteger(value);
    }
    function validateNumber() {
      return true;
    }
    var Z_ANCHOR = /[^\\]\\Z/;
    function regex(str) {
      if (Z_ANCHOR.test(str))
        return false;
      try {
        new RegExp(str);
        return true;
      } catch (e) {
        return false;
      }
    }
  }
});

// src/engine/bundle.ts
import crypto, { createHash, randomBytes } from "node:crypto";
import { closeSync as closeSync2, constants as fsConstants2, createReadStream, fstatSync as fstatSync2, lstatSync, openSync as openSync2, readdirSync, readFileSync, readSync as readSync2 } from "node:fs";
import { mkdir, open, readdir, readlink, realpath, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";

// src/spec/generated/manifest-validator.js
var __ns0 = __toESM(require_ucs2length(), 1);
var __ns1 = __toESM(require_formats(), 1);
var __cjs0 = __commonJs(__ns0);
var __cjs1 = __commonJs(__ns1);
function __commonJs(ns) {
  return ns.default && ns.default.__esModule ? ns.default : ns;
}
var manifest_validator_default = validate0;
var schema0 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:retrain-action:schema:manifest:1", "title": "retrain-action bundle manifest", "description": "manifest.json of a model bundle: what model.tar holds, the bundle's identity and the model's lineage. Written by retrain-action; other workflow steps may parse it.", "type": "object", "additionalProperties": false, "required": ["schemaVersion", "digest", "archiveSha256", "archiveSize", "files", "links", "lineage"], "properties": { "schemaVersion": { "description": "Version of this schema; changes only on an incompatible change.", "const": 1 }, "digest": { "description": `The bundle's identity: hex sha256 of the UTF-8 bytes of JSON.stringify({"files":[[path,size,sha256,mode],...],"links":[[path,target],...]}) with no whitespace, both lists sorted by the UTF-8 bytes of path. Lineage is not part of it.`, "$ref": "#/$defs/sha256" }, "archiveSha256": { "description": "Hex sha256 of model.tar as stored.", "$ref": "#/$defs/sha256" }, "archiveSize": { "description": "Size of model.tar in bytes.", "type": "integer", "minimum": 0 }, "files": { "description": "Every regular file of the model directory, one entry each, in archive order.", "type": "array", "items": { "$ref": "#/$defs/file" } }, "links": { "description": "Every symbolic link of the model directory; each points inside it.", "type": "array", "items": { "$ref": "#/$defs/link" } }, "lineage": { "$ref": "#/$defs/lineage" } }, "$defs": { "sha256": { "description": "Lowercase hex sha256.", "type": "string", "pattern": "^[0-9a-f]{64}$" }, "relativePath": { "description": "A POSIX path relative to the model directory: not absolute, no empty, '.' or '..' segment, no backslash, no NUL.", "type": "string", "minLength": 1, "pattern": "^(?![A-Za-z]:)(?!/)(?![\\s\\S]*//)(?![\\s\\S]*/$)(?!(?:[\\s\\S]*/)?\\.\\.?(?:/|$))[^\\\\\\u0000]+$" }, "file": { "type": "object", "additionalProperties": false, "required": ["path", "size", "sha256", "mode"], "properties": { "path": { "$ref": "#/$defs/relativePath" }, "size": { "description": "Size in bytes.", "type": "integer", "minimum": 0 }, "sha256": { "description": "Hex sha256 of the file's bytes.", "$ref": "#/$defs/sha256" }, "mode": { "description": "Permission bits: 493 (0o755) for executables, 420 (0o644) otherwise.", "enum": [420, 493] } } }, "link": { "type": "object", "additionalProperties": false, "required": ["path", "target"], "properties": { "path": { "$ref": "#/$defs/relativePath" }, "target": { "description": "The link's target, relative to the link's directory: zero or more '..' segments then names, resolving inside the model directory.", "type": "string", "minLength": 1, "pattern": "^(?![A-Za-z]:)(?!/)[^\\\\\\u0000]+$" } } }, "dataFingerprint": { "type": "object", "additionalProperties": false, "required": ["fingerprint", "files"], "properties": { "fingerprint": { "description": "Hex sha256 over the input's sorted (path, sha256) pairs.", "$ref": "#/$defs/sha256" }, "files": { "description": "The input's files.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["path", "sha256", "size"], "properties": { "path": { "description": "The file's path as the spec names it.", "type": "string", "minLength": 1 }, "sha256": { "description": "Hex sha256 of the file's bytes.", "$ref": "#/$defs/sha256" }, "size": { "description": "Size in bytes.", "type": "integer", "minimum": 0 } } } } } }, "lineage": { "description": "Where the model came from. Rewritten after packing (to stamp the version) without changing the digest.", "type": "object", "additionalProperties": false, "required": ["model", "version", "parentVersion", "warmStart", "specDigest", "gitCommit", "params", "trainingData", "evaluationData", "metrics", "toolVersion", "createdAt", "environment"], "properties": { "model": { "description": "The model's name.", "type": "string", "minLength": 1 }, "version": { "description": "The version the registry reserved for this bundle; null in a dry run.", "type": ["integer", "null"], "minimum": 1 }, "parentVersion": { "description": "The champion version training warm-started from; null for a cold start.", "type": ["integer", "null"], "minimum": 1 }, "warmStart": { "description": "How training started.", "type": "object", "additionalProperties": false, "required": ["source"], "properties": { "source": { "description": "'champion' when training started from the champion's state, 'cold' otherwise.", "enum": ["champion", "cold"] }, "reason": { "description": "Why a cold start happened: 'first-model', or why warm start fell back.", "type": "string" }, "confirmed": { "description": "For a warm start: true when training confirmed in the training report that it started from the champion's bundle (its digest); false when nothing confirmed it.", "type": "boolean" }, "packages": { "description": "Versions of the packages that matter, as training reported them.", "type": "object", "additionalProperties": { "type": "string" } } } }, "specDigest": { "description": "Digest of the spec that trained the model.", "type": "string", "minLength": 1 }, "gitCommit": { "description": "The commit the run trained from, when known.", "type": ["string", "null"], "minLength": 1 }, "params": { "description": "The parameters training ran with, by name.", "type": "object", "additionalProperties": { "type": ["string", "number", "boolean"] } }, "reportedParams": { "description": 'The params as the training step reported it used them ("params" in RETRAIN_TRAINING_REPORT); present only when they differ from the declared ones in params.', "type": "object", "additionalProperties": { "type": ["string", "number", "boolean"] } }, "trainingData": { "description": "Fingerprints of the training inputs, by input name.", "type": "object", "additionalProperties": { "$ref": "#/$defs/dataFingerprint" } }, "evaluationData": { "description": "Fingerprints of the evaluation inputs, by input name.", "type": "object", "additionalProperties": { "$ref": "#/$defs/dataFingerprint" } }, "metrics": { "description": "The model's metrics, by name; null when a metric was missing or not a finite number.", "type": "object", "additionalProperties": { "type": ["number", "null"] } }, "toolVersion": { "description": "Version of retrain-action that made the bundle.", "type": "string", "minLength": 1 }, "stepCache": { "description": "Steps with cache: each one's key, and whether its outputs were restored from the run-cache (the step did not run) or it ran. Absent when no step declares cache.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["step", "key", "restored"], "properties": { "step": { "type": "string" }, "key": { "type": "string" }, "restored": { "type": "boolean" } } } }, "createdAt": { "description": "When the bundle was made (RFC 3339).", "type": "string", "format": "date-time" }, "environment": { "description": "Where training ran.", "type": "object", "additionalProperties": false, "required": ["os", "arch", "runtimes", "lockfiles", "containerImage"], "properties": { "os": { "description": "Operating system and release.", "type": "string" }, "arch": { "description": "CPU architecture.", "type": "string" }, "runtimes": { "description": "Runtime versions, by runtime name.", "type": "object", "additionalProperties": { "type": "string" } }, "lockfiles": { "description": "sha256 of each lockfile the spec names, by path.", "type": "object", "additionalProperties": { "$ref": "#/$defs/sha256" } }, "containerImage": { "description": "The container image training ran in, if any.", "type": ["string", "null"] } } }, "dataProfile": { "$ref": "#/$defs/dataProfile" } } }, "dataProfile": { "description": "A profile of every data input the run read (docs/drift.md), from one streaming pass: what `retrain drift` and checks with max-mean-shift compare new data with. Absent in bundles made before profiles existed.", "type": "object", "additionalProperties": false, "required": ["version", "sampleSize", "topK", "inputs"], "properties": { "version": { "const": 1 }, "sampleSize": { "description": "The most values a number column keeps (all of them up to this many, else a uniform sample this size).", "type": "integer", "minimum": 1 }, "topK": { "description": "The most category values kept by name; the rest count as other.", "type": "integer", "minimum": 1 }, "inputs": { "description": "By data input name.", "type": "object", "additionalProperties": { "type": "object", "additionalProperties": false, "required": ["rows", "columns"], "properties": { "rows": { "description": "Data rows over all the input's files.", "type": "integer", "minimum": 0 }, "skipped": { "description": "Why the input was not profiled.", "type": "string" }, "columns": { "type": "object", "additionalProperties": { "$ref": "#/$defs/columnProfile" } } } } } } }, "columnProfile": { "description": "One column: numbers (every present cell a number) or categories.", "oneOf": [{ "type": "object", "additionalProperties": false, "required": ["kind", "count", "missing", "min", "max", "mean", "std", "sample", "exact"], "properties": { "kind": { "const": "number" }, "count": { "description": "Cells, missing ones included.", "type": "integer", "minimum": 0 }, "missing": { "type": "integer", "minimum": 0 }, "min": { "type": "number" }, "max": { "type": "number" }, "mean": { "type": "number" }, "std": { "description": "Sample standard deviation (n - 1).", "type": "number", "minimum": 0 }, "sample": { "description": "Sorted values: all of them when exact, else a uniform sample.", "type": "array", "items": { "type": "number" } }, "exact": { "description": "True when sample holds every present value.", "type": "boolean" } } }, { "type": "object", "additionalProperties": false, "required": ["kind", "count", "missing", "distinct", "top", "other"], "properties": { "kind": { "const": "category" }, "count": { "type": "integer", "minimum": 0 }, "missing": { "type": "integer", "minimum": 0 }, "distinct": { "type": "integer", "minimum": 0 }, "top": { "description": "The most frequent values, most frequent first.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["value", "count"], "properties": { "value": { "type": "string" }, "count": { "type": "integer", "minimum": 1 } } } }, "other": { "description": "Present cells whose value is not in top.", "type": "integer", "minimum": 0 } } }] } } };
var schema1 = { "description": "Lowercase hex sha256.", "type": "string", "pattern": "^[0-9a-f]{64}$" };
var pattern0 = new RegExp("^[0-9a-f]{64}$", "u");
var schema3 = { "type": "object", "additionalProperties": false, "required": ["path", "size", "sha256", "mode"], "properties": { "path": { "$ref": "#/$defs/relativePath" }, "size": { "description": "Size in bytes.", "type": "integer", "minimum": 0 }, "sha256": { "description": "Hex sha256 of the file's bytes.", "$ref": "#/$defs/sha256" }, "mode": { "description": "Permission bits: 493 (0o755) for executables, 420 (0o644) otherwise.", "enum": [420, 493] } } };
var schema4 = { "description": "A POSIX path relative to the model directory: not absolute, no empty, '.' or '..' segment, no backslash, no NUL.", "type": "string", "minLength": 1, "pattern": "^(?![A-Za-z]:)(?!/)(?![\\s\\S]*//)(?![\\s\\S]*/$)(?!(?:[\\s\\S]*/)?\\.\\.?(?:/|$))[^\\\\\\u0000]+$" };
var func0 = __cjs0.default;
var pattern2 = new RegExp("^(?![A-Za-z]:)(?!/)(?![\\s\\S]*//)(?![\\s\\S]*/$)(?!(?:[\\s\\S]*/)?\\.\\.?(?:/|$))[^\\\\\\u0000]+$", "u");
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
    if (data.path === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema3.required, parentSchema: schema3, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.size === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "size" }, message: "must have required property 'size'", schema: schema3.required, parentSchema: schema3, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.sha256 === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "sha256" }, message: "must have required property 'sha256'", schema: schema3.required, parentSchema: schema3, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.mode === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "mode" }, message: "must have required property 'mode'", schema: schema3.required, parentSchema: schema3, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "path" || key0 === "size" || key0 === "sha256" || key0 === "mode")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema3, data };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.path !== void 0) {
      let data0 = data.path;
      if (typeof data0 === "string") {
        if (func0(data0) < 1) {
          const err5 = { instancePath: instancePath + "/path", schemaPath: "#/$defs/relativePath/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema4, data: data0 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        if (!pattern2.test(data0)) {
          const err6 = { instancePath: instancePath + "/path", schemaPath: "#/$defs/relativePath/pattern", keyword: "pattern", params: { pattern: "^(?![A-Za-z]:)(?!/)(?![\\s\\S]*//)(?![\\s\\S]*/$)(?!(?:[\\s\\S]*/)?\\.\\.?(?:/|$))[^\\\\\\u0000]+$" }, message: 'must match pattern "^(?![A-Za-z]:)(?!/)(?![\\s\\S]*//)(?![\\s\\S]*/$)(?!(?:[\\s\\S]*/)?\\.\\.?(?:/|$))[^\\\\\\u0000]+$"', schema: "^(?![A-Za-z]:)(?!/)(?![\\s\\S]*//)(?![\\s\\S]*/$)(?!(?:[\\s\\S]*/)?\\.\\.?(?:/|$))[^\\\\\\u0000]+$", parentSchema: schema4, data: data0 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/path", schemaPath: "#/$defs/relativePath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema4.type, parentSchema: schema4, data: data0 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.size !== void 0) {
      let data1 = data.size;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
        const err8 = { instancePath: instancePath + "/size", schemaPath: "#/properties/size/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema3.properties.size.type, parentSchema: schema3.properties.size, data: data1 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
      if (typeof data1 == "number" && isFinite(data1)) {
        if (data1 < 0 || isNaN(data1)) {
          const err9 = { instancePath: instancePath + "/size", schemaPath: "#/properties/size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema3.properties.size, data: data1 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      }
    }
    if (data.sha256 !== void 0) {
      let data2 = data.sha256;
      if (typeof data2 === "string") {
        if (!pattern0.test(data2)) {
          const err10 = { instancePath: instancePath + "/sha256", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema1, data: data2 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/sha256", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema1.type, parentSchema: schema1, data: data2 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.mode !== void 0) {
      let data3 = data.mode;
      if (!(data3 === 420 || data3 === 493)) {
        const err12 = { instancePath: instancePath + "/mode", schemaPath: "#/properties/mode/enum", keyword: "enum", params: { allowedValues: schema3.properties.mode.enum }, message: "must be equal to one of the allowed values", schema: schema3.properties.mode.enum, parentSchema: schema3.properties.mode, data: data3 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
  } else {
    const err13 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema3.type, parentSchema: schema3, data };
    if (vErrors === null) {
      vErrors = [err13];
    } else {
      vErrors.push(err13);
    }
    errors++;
  }
  validate1.errors = vErrors;
  return errors === 0;
}
validate1.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema6 = { "type": "object", "additionalProperties": false, "required": ["path", "target"], "properties": { "path": { "$ref": "#/$defs/relativePath" }, "target": { "description": "The link's target, relative to the link's directory: zero or more '..' segments then names, resolving inside the model directory.", "type": "string", "minLength": 1, "pattern": "^(?![A-Za-z]:)(?!/)[^\\\\\\u0000]+$" } } };
var pattern5 = new RegExp("^(?![A-Za-z]:)(?!/)[^\\\\\\u0000]+$", "u");
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
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.path === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema6.required, parentSchema: schema6, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.target === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "target" }, message: "must have required property 'target'", schema: schema6.required, parentSchema: schema6, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "path" || key0 === "target")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema6, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.path !== void 0) {
      let data0 = data.path;
      if (typeof data0 === "string") {
        if (func0(data0) < 1) {
          const err3 = { instancePath: instancePath + "/path", schemaPath: "#/$defs/relativePath/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema4, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (!pattern2.test(data0)) {
          const err4 = { instancePath: instancePath + "/path", schemaPath: "#/$defs/relativePath/pattern", keyword: "pattern", params: { pattern: "^(?![A-Za-z]:)(?!/)(?![\\s\\S]*//)(?![\\s\\S]*/$)(?!(?:[\\s\\S]*/)?\\.\\.?(?:/|$))[^\\\\\\u0000]+$" }, message: 'must match pattern "^(?![A-Za-z]:)(?!/)(?![\\s\\S]*//)(?![\\s\\S]*/$)(?!(?:[\\s\\S]*/)?\\.\\.?(?:/|$))[^\\\\\\u0000]+$"', schema: "^(?![A-Za-z]:)(?!/)(?![\\s\\S]*//)(?![\\s\\S]*/$)(?!(?:[\\s\\S]*/)?\\.\\.?(?:/|$))[^\\\\\\u0000]+$", parentSchema: schema4, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/path", schemaPath: "#/$defs/relativePath/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema4.type, parentSchema: schema4, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.target !== void 0) {
      let data1 = data.target;
      if (typeof data1 === "string") {
        if (func0(data1) < 1) {
          const err6 = { instancePath: instancePath + "/target", schemaPath: "#/properties/target/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema6.properties.target, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        if (!pattern5.test(data1)) {
          const err7 = { instancePath: instancePath + "/target", schemaPath: "#/properties/target/pattern", keyword: "pattern", params: { pattern: "^(?![A-Za-z]:)(?!/)[^\\\\\\u0000]+$" }, message: 'must match pattern "^(?![A-Za-z]:)(?!/)[^\\\\\\u0000]+$"', schema: "^(?![A-Za-z]:)(?!/)[^\\\\\\u0000]+$", parentSchema: schema6.properties.target, data: data1 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/target", schemaPath: "#/properties/target/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema6.properties.target.type, parentSchema: schema6.properties.target, data: data1 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
  } else {
    const err9 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema6.type, parentSchema: schema6, data };
    if (vErrors === null) {
      vErrors = [err9];
    } else {
      vErrors.push(err9);
    }
    errors++;
  }
  validate3.errors = vErrors;
  return errors === 0;
}
validate3.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema8 = { "description": "Where the model came from. Rewritten after packing (to stamp the version) without changing the digest.", "type": "object", "additionalProperties": false, "required": ["model", "version", "parentVersion", "warmStart", "specDigest", "gitCommit", "params", "trainingData", "evaluationData", "metrics", "toolVersion", "createdAt", "environment"], "properties": { "model": { "description": "The model's name.", "type": "string", "minLength": 1 }, "version": { "description": "The version the registry reserved for this bundle; null in a dry run.", "type": ["integer", "null"], "minimum": 1 }, "parentVersion": { "description": "The champion version training warm-started from; null for a cold start.", "type": ["integer", "null"], "minimum": 1 }, "warmStart": { "description": "How training started.", "type": "object", "additionalProperties": false, "required": ["source"], "properties": { "source": { "description": "'champion' when training started from the champion's state, 'cold' otherwise.", "enum": ["champion", "cold"] }, "reason": { "description": "Why a cold start happened: 'first-model', or why warm start fell back.", "type": "string" }, "confirmed": { "description": "For a warm start: true when training confirmed in the training report that it started from the champion's bundle (its digest); false when nothing confirmed it.", "type": "boolean" }, "packages": { "description": "Versions of the packages that matter, as training reported them.", "type": "object", "additionalProperties": { "type": "string" } } } }, "specDigest": { "description": "Digest of the spec that trained the model.", "type": "string", "minLength": 1 }, "gitCommit": { "description": "The commit the run trained from, when known.", "type": ["string", "null"], "minLength": 1 }, "params": { "description": "The parameters training ran with, by name.", "type": "object", "additionalProperties": { "type": ["string", "number", "boolean"] } }, "reportedParams": { "description": 'The params as the training step reported it used them ("params" in RETRAIN_TRAINING_REPORT); present only when they differ from the declared ones in params.', "type": "object", "additionalProperties": { "type": ["string", "number", "boolean"] } }, "trainingData": { "description": "Fingerprints of the training inputs, by input name.", "type": "object", "additionalProperties": { "$ref": "#/$defs/dataFingerprint" } }, "evaluationData": { "description": "Fingerprints of the evaluation inputs, by input name.", "type": "object", "additionalProperties": { "$ref": "#/$defs/dataFingerprint" } }, "metrics": { "description": "The model's metrics, by name; null when a metric was missing or not a finite number.", "type": "object", "additionalProperties": { "type": ["number", "null"] } }, "toolVersion": { "description": "Version of retrain-action that made the bundle.", "type": "string", "minLength": 1 }, "stepCache": { "description": "Steps with cache: each one's key, and whether its outputs were restored from the run-cache (the step did not run) or it ran. Absent when no step declares cache.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["step", "key", "restored"], "properties": { "step": { "type": "string" }, "key": { "type": "string" }, "restored": { "type": "boolean" } } } }, "createdAt": { "description": "When the bundle was made (RFC 3339).", "type": "string", "format": "date-time" }, "environment": { "description": "Where training ran.", "type": "object", "additionalProperties": false, "required": ["os", "arch", "runtimes", "lockfiles", "containerImage"], "properties": { "os": { "description": "Operating system and release.", "type": "string" }, "arch": { "description": "CPU architecture.", "type": "string" }, "runtimes": { "description": "Runtime versions, by runtime name.", "type": "object", "additionalProperties": { "type": "string" } }, "lockfiles": { "description": "sha256 of each lockfile the spec names, by path.", "type": "object", "additionalProperties": { "$ref": "#/$defs/sha256" } }, "containerImage": { "description": "The container image training ran in, if any.", "type": ["string", "null"] } } }, "dataProfile": { "$ref": "#/$defs/dataProfile" } } };
var func3 = Object.prototype.hasOwnProperty;
var schema9 = { "type": "object", "additionalProperties": false, "required": ["fingerprint", "files"], "properties": { "fingerprint": { "description": "Hex sha256 over the input's sorted (path, sha256) pairs.", "$ref": "#/$defs/sha256" }, "files": { "description": "The input's files.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["path", "sha256", "size"], "properties": { "path": { "description": "The file's path as the spec names it.", "type": "string", "minLength": 1 }, "sha256": { "description": "Hex sha256 of the file's bytes.", "$ref": "#/$defs/sha256" }, "size": { "description": "Size in bytes.", "type": "integer", "minimum": 0 } } } } } };
function validate6(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate6.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.fingerprint === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "fingerprint" }, message: "must have required property 'fingerprint'", schema: schema9.required, parentSchema: schema9, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.files === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "files" }, message: "must have required property 'files'", schema: schema9.required, parentSchema: schema9, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "fingerprint" || key0 === "files")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema9, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.fingerprint !== void 0) {
      let data0 = data.fingerprint;
      if (typeof data0 === "string") {
        if (!pattern0.test(data0)) {
          const err3 = { instancePath: instancePath + "/fingerprint", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema1, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/fingerprint", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema1.type, parentSchema: schema1, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.files !== void 0) {
      let data1 = data.files;
      if (Array.isArray(data1)) {
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data2 = data1[i0];
          if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
            if (data2.path === void 0) {
              const err5 = { instancePath: instancePath + "/files/" + i0, schemaPath: "#/properties/files/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema9.properties.files.items.required, parentSchema: schema9.properties.files.items, data: data2 };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
            if (data2.sha256 === void 0) {
              const err6 = { instancePath: instancePath + "/files/" + i0, schemaPath: "#/properties/files/items/required", keyword: "required", params: { missingProperty: "sha256" }, message: "must have required property 'sha256'", schema: schema9.properties.files.items.required, parentSchema: schema9.properties.files.items, data: data2 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (data2.size === void 0) {
              const err7 = { instancePath: instancePath + "/files/" + i0, schemaPath: "#/properties/files/items/required", keyword: "required", params: { missingProperty: "size" }, message: "must have required property 'size'", schema: schema9.properties.files.items.required, parentSchema: schema9.properties.files.items, data: data2 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
            for (const key1 in data2) {
              if (!(key1 === "path" || key1 === "sha256" || key1 === "size")) {
                const err8 = { instancePath: instancePath + "/files/" + i0, schemaPath: "#/properties/files/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema9.properties.files.items, data: data2 };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
            if (data2.path !== void 0) {
              let data3 = data2.path;
              if (typeof data3 === "string") {
                if (func0(data3) < 1) {
                  const err9 = { instancePath: instancePath + "/files/" + i0 + "/path", schemaPath: "#/properties/files/items/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema9.properties.files.items.properties.path, data: data3 };
                  if (vErrors === null) {
                    vErrors = [err9];
                  } else {
                    vErrors.push(err9);
                  }
                  errors++;
                }
              } else {
                const err10 = { instancePath: instancePath + "/files/" + i0 + "/path", schemaPath: "#/properties/files/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema9.properties.files.items.properties.path.type, parentSchema: schema9.properties.files.items.properties.path, data: data3 };
                if (vErrors === null) {
                  vErrors = [err10];
                } else {
                  vErrors.push(err10);
                }
                errors++;
              }
            }
            if (data2.sha256 !== void 0) {
              let data4 = data2.sha256;
              if (typeof data4 === "string") {
                if (!pattern0.test(data4)) {
                  const err11 = { instancePath: instancePath + "/files/" + i0 + "/sha256", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema1, data: data4 };
                  if (vErrors === null) {
                    vErrors = [err11];
                  } else {
                    vErrors.push(err11);
                  }
                  errors++;
                }
              } else {
                const err12 = { instancePath: instancePath + "/files/" + i0 + "/sha256", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema1.type, parentSchema: schema1, data: data4 };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
            if (data2.size !== void 0) {
              let data5 = data2.size;
              if (!(typeof data5 == "number" && (!(data5 % 1) && !isNaN(data5)) && isFinite(data5))) {
                const err13 = { instancePath: instancePath + "/files/" + i0 + "/size", schemaPath: "#/properties/files/items/properties/size/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema9.properties.files.items.properties.size.type, parentSchema: schema9.properties.files.items.properties.size, data: data5 };
                if (vErrors === null) {
                  vErrors = [err13];
                } else {
                  vErrors.push(err13);
                }
                errors++;
              }
              if (typeof data5 == "number" && isFinite(data5)) {
                if (data5 < 0 || isNaN(data5)) {
                  const err14 = { instancePath: instancePath + "/files/" + i0 + "/size", schemaPath: "#/properties/files/items/properties/size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema9.properties.files.items.properties.size, data: data5 };
                  if (vErrors === null) {
                    vErrors = [err14];
                  } else {
                    vErrors.push(err14);
                  }
                  errors++;
                }
              }
            }
          } else {
            const err15 = { instancePath: instancePath + "/files/" + i0, schemaPath: "#/properties/files/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema9.properties.files.items.type, parentSchema: schema9.properties.files.items, data: data2 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
      } else {
        const err16 = { instancePath: instancePath + "/files", schemaPath: "#/properties/files/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema9.properties.files.type, parentSchema: schema9.properties.files, data: data1 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
  } else {
    const err17 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema9.type, parentSchema: schema9, data };
    if (vErrors === null) {
      vErrors = [err17];
    } else {
      vErrors.push(err17);
    }
    errors++;
  }
  validate6.errors = vErrors;
  return errors === 0;
}
validate6.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema13 = { "description": "A profile of every data input the run read (docs/drift.md), from one streaming pass: what `retrain drift` and checks with max-mean-shift compare new data with. Absent in bundles made before profiles existed.", "type": "object", "additionalProperties": false, "required": ["version", "sampleSize", "topK", "inputs"], "properties": { "version": { "const": 1 }, "sampleSize": { "description": "The most values a number column keeps (all of them up to this many, else a uniform sample this size).", "type": "integer", "minimum": 1 }, "topK": { "description": "The most category values kept by name; the rest count as other.", "type": "integer", "minimum": 1 }, "inputs": { "description": "By data input name.", "type": "object", "additionalProperties": { "type": "object", "additionalProperties": false, "required": ["rows", "columns"], "properties": { "rows": { "description": "Data rows over all the input's files.", "type": "integer", "minimum": 0 }, "skipped": { "description": "Why the input was not profiled.", "type": "string" }, "columns": { "type": "object", "additionalProperties": { "$ref": "#/$defs/columnProfile" } } } } } } };
var schema14 = { "description": "One column: numbers (every present cell a number) or categories.", "oneOf": [{ "type": "object", "additionalProperties": false, "required": ["kind", "count", "missing", "min", "max", "mean", "std", "sample", "exact"], "properties": { "kind": { "const": "number" }, "count": { "description": "Cells, missing ones included.", "type": "integer", "minimum": 0 }, "missing": { "type": "integer", "minimum": 0 }, "min": { "type": "number" }, "max": { "type": "number" }, "mean": { "type": "number" }, "std": { "description": "Sample standard deviation (n - 1).", "type": "number", "minimum": 0 }, "sample": { "description": "Sorted values: all of them when exact, else a uniform sample.", "type": "array", "items": { "type": "number" } }, "exact": { "description": "True when sample holds every present value.", "type": "boolean" } } }, { "type": "object", "additionalProperties": false, "required": ["kind", "count", "missing", "distinct", "top", "other"], "properties": { "kind": { "const": "category" }, "count": { "type": "integer", "minimum": 0 }, "missing": { "type": "integer", "minimum": 0 }, "distinct": { "type": "integer", "minimum": 0 }, "top": { "description": "The most frequent values, most frequent first.", "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["value", "count"], "properties": { "value": { "type": "string" }, "count": { "type": "integer", "minimum": 1 } } } }, "other": { "description": "Present cells whose value is not in top.", "type": "integer", "minimum": 0 } } }] };
function validate9(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate9.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.version === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'", schema: schema13.required, parentSchema: schema13, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.sampleSize === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "sampleSize" }, message: "must have required property 'sampleSize'", schema: schema13.required, parentSchema: schema13, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.topK === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "topK" }, message: "must have required property 'topK'", schema: schema13.required, parentSchema: schema13, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.inputs === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "inputs" }, message: "must have required property 'inputs'", schema: schema13.required, parentSchema: schema13, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "version" || key0 === "sampleSize" || key0 === "topK" || key0 === "inputs")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema13, data };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      let data0 = data.version;
      if (1 !== data0) {
        const err5 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema13.properties.version, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.sampleSize !== void 0) {
      let data1 = data.sampleSize;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
        const err6 = { instancePath: instancePath + "/sampleSize", schemaPath: "#/properties/sampleSize/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema13.properties.sampleSize.type, parentSchema: schema13.properties.sampleSize, data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      if (typeof data1 == "number" && isFinite(data1)) {
        if (data1 < 1 || isNaN(data1)) {
          const err7 = { instancePath: instancePath + "/sampleSize", schemaPath: "#/properties/sampleSize/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema13.properties.sampleSize, data: data1 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      }
    }
    if (data.topK !== void 0) {
      let data2 = data.topK;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err8 = { instancePath: instancePath + "/topK", schemaPath: "#/properties/topK/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema13.properties.topK.type, parentSchema: schema13.properties.topK, data: data2 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 < 1 || isNaN(data2)) {
          const err9 = { instancePath: instancePath + "/topK", schemaPath: "#/properties/topK/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema13.properties.topK, data: data2 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      }
    }
    if (data.inputs !== void 0) {
      let data3 = data.inputs;
      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
        for (const key1 in data3) {
          let data4 = data3[key1];
          if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
            if (data4.rows === void 0) {
              const err10 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/inputs/additionalProperties/required", keyword: "required", params: { missingProperty: "rows" }, message: "must have required property 'rows'", schema: schema13.properties.inputs.additionalProperties.required, parentSchema: schema13.properties.inputs.additionalProperties, data: data4 };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
            if (data4.columns === void 0) {
              const err11 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/inputs/additionalProperties/required", keyword: "required", params: { missingProperty: "columns" }, message: "must have required property 'columns'", schema: schema13.properties.inputs.additionalProperties.required, parentSchema: schema13.properties.inputs.additionalProperties, data: data4 };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
            for (const key2 in data4) {
              if (!(key2 === "rows" || key2 === "skipped" || key2 === "columns")) {
                const err12 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/inputs/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema13.properties.inputs.additionalProperties, data: data4 };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
            if (data4.rows !== void 0) {
              let data5 = data4.rows;
              if (!(typeof data5 == "number" && (!(data5 % 1) && !isNaN(data5)) && isFinite(data5))) {
                const err13 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/rows", schemaPath: "#/properties/inputs/additionalProperties/properties/rows/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema13.properties.inputs.additionalProperties.properties.rows.type, parentSchema: schema13.properties.inputs.additionalProperties.properties.rows, data: data5 };
                if (vErrors === null) {
                  vErrors = [err13];
                } else {
                  vErrors.push(err13);
                }
                errors++;
              }
              if (typeof data5 == "number" && isFinite(data5)) {
                if (data5 < 0 || isNaN(data5)) {
                  const err14 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/rows", schemaPath: "#/properties/inputs/additionalProperties/properties/rows/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema13.properties.inputs.additionalProperties.properties.rows, data: data5 };
                  if (vErrors === null) {
                    vErrors = [err14];
                  } else {
                    vErrors.push(err14);
                  }
                  errors++;
                }
              }
            }
            if (data4.skipped !== void 0) {
              let data6 = data4.skipped;
              if (typeof data6 !== "string") {
                const err15 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/skipped", schemaPath: "#/properties/inputs/additionalProperties/properties/skipped/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.inputs.additionalProperties.properties.skipped.type, parentSchema: schema13.properties.inputs.additionalProperties.properties.skipped, data: data6 };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
            }
            if (data4.columns !== void 0) {
              let data7 = data4.columns;
              if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
                for (const key3 in data7) {
                  let data8 = data7[key3];
                  const _errs22 = errors;
                  let valid5 = false;
                  let passing0 = null;
                  const _errs23 = errors;
                  if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
                    if (data8.kind === void 0) {
                      const err16 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/0/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema14.oneOf[0].required, parentSchema: schema14.oneOf[0], data: data8 };
                      if (vErrors === null) {
                        vErrors = [err16];
                      } else {
                        vErrors.push(err16);
                      }
                      errors++;
                    }
                    if (data8.count === void 0) {
                      const err17 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/0/required", keyword: "required", params: { missingProperty: "count" }, message: "must have required property 'count'", schema: schema14.oneOf[0].required, parentSchema: schema14.oneOf[0], data: data8 };
                      if (vErrors === null) {
                        vErrors = [err17];
                      } else {
                        vErrors.push(err17);
                      }
                      errors++;
                    }
                    if (data8.missing === void 0) {
                      const err18 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/0/required", keyword: "required", params: { missingProperty: "missing" }, message: "must have required property 'missing'", schema: schema14.oneOf[0].required, parentSchema: schema14.oneOf[0], data: data8 };
                      if (vErrors === null) {
                        vErrors = [err18];
                      } else {
                        vErrors.push(err18);
                      }
                      errors++;
                    }
                    if (data8.min === void 0) {
                      const err19 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/0/required", keyword: "required", params: { missingProperty: "min" }, message: "must have required property 'min'", schema: schema14.oneOf[0].required, parentSchema: schema14.oneOf[0], data: data8 };
                      if (vErrors === null) {
                        vErrors = [err19];
                      } else {
                        vErrors.push(err19);
                      }
                      errors++;
                    }
                    if (data8.max === void 0) {
                      const err20 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/0/required", keyword: "required", params: { missingProperty: "max" }, message: "must have required property 'max'", schema: schema14.oneOf[0].required, parentSchema: schema14.oneOf[0], data: data8 };
                      if (vErrors === null) {
                        vErrors = [err20];
                      } else {
                        vErrors.push(err20);
                      }
                      errors++;
                    }
                    if (data8.mean === void 0) {
                      const err21 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/0/required", keyword: "required", params: { missingProperty: "mean" }, message: "must have required property 'mean'", schema: schema14.oneOf[0].required, parentSchema: schema14.oneOf[0], data: data8 };
                      if (vErrors === null) {
                        vErrors = [err21];
                      } else {
                        vErrors.push(err21);
                      }
                      errors++;
                    }
                    if (data8.std === void 0) {
                      const err22 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/0/required", keyword: "required", params: { missingProperty: "std" }, message: "must have required property 'std'", schema: schema14.oneOf[0].required, parentSchema: schema14.oneOf[0], data: data8 };
                      if (vErrors === null) {
                        vErrors = [err22];
                      } else {
                        vErrors.push(err22);
                      }
                      errors++;
                    }
                    if (data8.sample === void 0) {
                      const err23 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/0/required", keyword: "required", params: { missingProperty: "sample" }, message: "must have required property 'sample'", schema: schema14.oneOf[0].required, parentSchema: schema14.oneOf[0], data: data8 };
                      if (vErrors === null) {
                        vErrors = [err23];
                      } else {
                        vErrors.push(err23);
                      }
                      errors++;
                    }
                    if (data8.exact === void 0) {
                      const err24 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/0/required", keyword: "required", params: { missingProperty: "exact" }, message: "must have required property 'exact'", schema: schema14.oneOf[0].required, parentSchema: schema14.oneOf[0], data: data8 };
                      if (vErrors === null) {
                        vErrors = [err24];
                      } else {
                        vErrors.push(err24);
                      }
                      errors++;
                    }
                    for (const key4 in data8) {
                      if (!func3.call(schema14.oneOf[0].properties, key4)) {
                        const err25 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema14.oneOf[0], data: data8 };
                        if (vErrors === null) {
                          vErrors = [err25];
                        } else {
                          vErrors.push(err25);
                        }
                        errors++;
                      }
                    }
                    if (data8.kind !== void 0) {
                      let data9 = data8.kind;
                      if ("number" !== data9) {
                        const err26 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/kind", schemaPath: "#/$defs/columnProfile/oneOf/0/properties/kind/const", keyword: "const", params: { allowedValue: "number" }, message: "must be equal to constant", schema: "number", parentSchema: schema14.oneOf[0].properties.kind, data: data9 };
                        if (vErrors === null) {
                          vErrors = [err26];
                        } else {
                          vErrors.push(err26);
                        }
                        errors++;
                      }
                    }
                    if (data8.count !== void 0) {
                      let data10 = data8.count;
                      if (!(typeof data10 == "number" && (!(data10 % 1) && !isNaN(data10)) && isFinite(data10))) {
                        const err27 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/count", schemaPath: "#/$defs/columnProfile/oneOf/0/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema14.oneOf[0].properties.count.type, parentSchema: schema14.oneOf[0].properties.count, data: data10 };
                        if (vErrors === null) {
                          vErrors = [err27];
                        } else {
                          vErrors.push(err27);
                        }
                        errors++;
                      }
                      if (typeof data10 == "number" && isFinite(data10)) {
                        if (data10 < 0 || isNaN(data10)) {
                          const err28 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/count", schemaPath: "#/$defs/columnProfile/oneOf/0/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema14.oneOf[0].properties.count, data: data10 };
                          if (vErrors === null) {
                            vErrors = [err28];
                          } else {
                            vErrors.push(err28);
                          }
                          errors++;
                        }
                      }
                    }
                    if (data8.missing !== void 0) {
                      let data11 = data8.missing;
                      if (!(typeof data11 == "number" && (!(data11 % 1) && !isNaN(data11)) && isFinite(data11))) {
                        const err29 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/missing", schemaPath: "#/$defs/columnProfile/oneOf/0/properties/missing/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema14.oneOf[0].properties.missing.type, parentSchema: schema14.oneOf[0].properties.missing, data: data11 };
                        if (vErrors === null) {
                          vErrors = [err29];
                        } else {
                          vErrors.push(err29);
                        }
                        errors++;
                      }
                      if (typeof data11 == "number" && isFinite(data11)) {
                        if (data11 < 0 || isNaN(data11)) {
                          const err30 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/missing", schemaPath: "#/$defs/columnProfile/oneOf/0/properties/missing/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema14.oneOf[0].properties.missing, data: data11 };
                          if (vErrors === null) {
                            vErrors = [err30];
                          } else {
                            vErrors.push(err30);
                          }
                          errors++;
                        }
                      }
                    }
                    if (data8.min !== void 0) {
                      let data12 = data8.min;
                      if (!(typeof data12 == "number" && isFinite(data12))) {
                        const err31 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/min", schemaPath: "#/$defs/columnProfile/oneOf/0/properties/min/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema14.oneOf[0].properties.min.type, parentSchema: schema14.oneOf[0].properties.min, data: data12 };
                        if (vErrors === null) {
                          vErrors = [err31];
                        } else {
                          vErrors.push(err31);
                        }
                        errors++;
                      }
                    }
                    if (data8.max !== void 0) {
                      let data13 = data8.max;
                      if (!(typeof data13 == "number" && isFinite(data13))) {
                        const err32 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/max", schemaPath: "#/$defs/columnProfile/oneOf/0/properties/max/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema14.oneOf[0].properties.max.type, parentSchema: schema14.oneOf[0].properties.max, data: data13 };
                        if (vErrors === null) {
                          vErrors = [err32];
                        } else {
                          vErrors.push(err32);
                        }
                        errors++;
                      }
                    }
                    if (data8.mean !== void 0) {
                      let data14 = data8.mean;
                      if (!(typeof data14 == "number" && isFinite(data14))) {
                        const err33 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/mean", schemaPath: "#/$defs/columnProfile/oneOf/0/properties/mean/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema14.oneOf[0].properties.mean.type, parentSchema: schema14.oneOf[0].properties.mean, data: data14 };
                        if (vErrors === null) {
                          vErrors = [err33];
                        } else {
                          vErrors.push(err33);
                        }
                        errors++;
                      }
                    }
                    if (data8.std !== void 0) {
                      let data15 = data8.std;
                      if (typeof data15 == "number" && isFinite(data15)) {
                        if (data15 < 0 || isNaN(data15)) {
                          const err34 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/std", schemaPath: "#/$defs/columnProfile/oneOf/0/properties/std/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema14.oneOf[0].properties.std, data: data15 };
                          if (vErrors === null) {
                            vErrors = [err34];
                          } else {
                            vErrors.push(err34);
                          }
                          errors++;
                        }
                      } else {
                        const err35 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/std", schemaPath: "#/$defs/columnProfile/oneOf/0/properties/std/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema14.oneOf[0].properties.std.type, parentSchema: schema14.oneOf[0].properties.std, data: data15 };
                        if (vErrors === null) {
                          vErrors = [err35];
                        } else {
                          vErrors.push(err35);
                        }
                        errors++;
                      }
                    }
                    if (data8.sample !== void 0) {
                      let data16 = data8.sample;
                      if (Array.isArray(data16)) {
                        const len0 = data16.length;
                        for (let i0 = 0; i0 < len0; i0++) {
                          let data17 = data16[i0];
                          if (!(typeof data17 == "number" && isFinite(data17))) {
                            const err36 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/sample/" + i0, schemaPath: "#/$defs/columnProfile/oneOf/0/properties/sample/items/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema14.oneOf[0].properties.sample.items.type, parentSchema: schema14.oneOf[0].properties.sample.items, data: data17 };
                            if (vErrors === null) {
                              vErrors = [err36];
                            } else {
                              vErrors.push(err36);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err37 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/sample", schemaPath: "#/$defs/columnProfile/oneOf/0/properties/sample/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema14.oneOf[0].properties.sample.type, parentSchema: schema14.oneOf[0].properties.sample, data: data16 };
                        if (vErrors === null) {
                          vErrors = [err37];
                        } else {
                          vErrors.push(err37);
                        }
                        errors++;
                      }
                    }
                    if (data8.exact !== void 0) {
                      let data18 = data8.exact;
                      if (typeof data18 !== "boolean") {
                        const err38 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/exact", schemaPath: "#/$defs/columnProfile/oneOf/0/properties/exact/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema14.oneOf[0].properties.exact.type, parentSchema: schema14.oneOf[0].properties.exact, data: data18 };
                        if (vErrors === null) {
                          vErrors = [err38];
                        } else {
                          vErrors.push(err38);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err39 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.oneOf[0].type, parentSchema: schema14.oneOf[0], data: data8 };
                    if (vErrors === null) {
                      vErrors = [err39];
                    } else {
                      vErrors.push(err39);
                    }
                    errors++;
                  }
                  var _valid0 = _errs23 === errors;
                  if (_valid0) {
                    valid5 = true;
                    passing0 = 0;
                    var props0 = true;
                  }
                  const _errs45 = errors;
                  if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
                    if (data8.kind === void 0) {
                      const err40 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/1/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema14.oneOf[1].required, parentSchema: schema14.oneOf[1], data: data8 };
                      if (vErrors === null) {
                        vErrors = [err40];
                      } else {
                        vErrors.push(err40);
                      }
                      errors++;
                    }
                    if (data8.count === void 0) {
                      const err41 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/1/required", keyword: "required", params: { missingProperty: "count" }, message: "must have required property 'count'", schema: schema14.oneOf[1].required, parentSchema: schema14.oneOf[1], data: data8 };
                      if (vErrors === null) {
                        vErrors = [err41];
                      } else {
                        vErrors.push(err41);
                      }
                      errors++;
                    }
                    if (data8.missing === void 0) {
                      const err42 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/1/required", keyword: "required", params: { missingProperty: "missing" }, message: "must have required property 'missing'", schema: schema14.oneOf[1].required, parentSchema: schema14.oneOf[1], data: data8 };
                      if (vErrors === null) {
                        vErrors = [err42];
                      } else {
                        vErrors.push(err42);
                      }
                      errors++;
                    }
                    if (data8.distinct === void 0) {
                      const err43 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/1/required", keyword: "required", params: { missingProperty: "distinct" }, message: "must have required property 'distinct'", schema: schema14.oneOf[1].required, parentSchema: schema14.oneOf[1], data: data8 };
                      if (vErrors === null) {
                        vErrors = [err43];
                      } else {
                        vErrors.push(err43);
                      }
                      errors++;
                    }
                    if (data8.top === void 0) {
                      const err44 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/1/required", keyword: "required", params: { missingProperty: "top" }, message: "must have required property 'top'", schema: schema14.oneOf[1].required, parentSchema: schema14.oneOf[1], data: data8 };
                      if (vErrors === null) {
                        vErrors = [err44];
                      } else {
                        vErrors.push(err44);
                      }
                      errors++;
                    }
                    if (data8.other === void 0) {
                      const err45 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/1/required", keyword: "required", params: { missingProperty: "other" }, message: "must have required property 'other'", schema: schema14.oneOf[1].required, parentSchema: schema14.oneOf[1], data: data8 };
                      if (vErrors === null) {
                        vErrors = [err45];
                      } else {
                        vErrors.push(err45);
                      }
                      errors++;
                    }
                    for (const key5 in data8) {
                      if (!(key5 === "kind" || key5 === "count" || key5 === "missing" || key5 === "distinct" || key5 === "top" || key5 === "other")) {
                        const err46 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema14.oneOf[1], data: data8 };
                        if (vErrors === null) {
                          vErrors = [err46];
                        } else {
                          vErrors.push(err46);
                        }
                        errors++;
                      }
                    }
                    if (data8.kind !== void 0) {
                      let data19 = data8.kind;
                      if ("category" !== data19) {
                        const err47 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/kind", schemaPath: "#/$defs/columnProfile/oneOf/1/properties/kind/const", keyword: "const", params: { allowedValue: "category" }, message: "must be equal to constant", schema: "category", parentSchema: schema14.oneOf[1].properties.kind, data: data19 };
                        if (vErrors === null) {
                          vErrors = [err47];
                        } else {
                          vErrors.push(err47);
                        }
                        errors++;
                      }
                    }
                    if (data8.count !== void 0) {
                      let data20 = data8.count;
                      if (!(typeof data20 == "number" && (!(data20 % 1) && !isNaN(data20)) && isFinite(data20))) {
                        const err48 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/count", schemaPath: "#/$defs/columnProfile/oneOf/1/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema14.oneOf[1].properties.count.type, parentSchema: schema14.oneOf[1].properties.count, data: data20 };
                        if (vErrors === null) {
                          vErrors = [err48];
                        } else {
                          vErrors.push(err48);
                        }
                        errors++;
                      }
                      if (typeof data20 == "number" && isFinite(data20)) {
                        if (data20 < 0 || isNaN(data20)) {
                          const err49 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/count", schemaPath: "#/$defs/columnProfile/oneOf/1/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema14.oneOf[1].properties.count, data: data20 };
                          if (vErrors === null) {
                            vErrors = [err49];
                          } else {
                            vErrors.push(err49);
                          }
                          errors++;
                        }
                      }
                    }
                    if (data8.missing !== void 0) {
                      let data21 = data8.missing;
                      if (!(typeof data21 == "number" && (!(data21 % 1) && !isNaN(data21)) && isFinite(data21))) {
                        const err50 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/missing", schemaPath: "#/$defs/columnProfile/oneOf/1/properties/missing/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema14.oneOf[1].properties.missing.type, parentSchema: schema14.oneOf[1].properties.missing, data: data21 };
                        if (vErrors === null) {
                          vErrors = [err50];
                        } else {
                          vErrors.push(err50);
                        }
                        errors++;
                      }
                      if (typeof data21 == "number" && isFinite(data21)) {
                        if (data21 < 0 || isNaN(data21)) {
                          const err51 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/missing", schemaPath: "#/$defs/columnProfile/oneOf/1/properties/missing/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema14.oneOf[1].properties.missing, data: data21 };
                          if (vErrors === null) {
                            vErrors = [err51];
                          } else {
                            vErrors.push(err51);
                          }
                          errors++;
                        }
                      }
                    }
                    if (data8.distinct !== void 0) {
                      let data22 = data8.distinct;
                      if (!(typeof data22 == "number" && (!(data22 % 1) && !isNaN(data22)) && isFinite(data22))) {
                        const err52 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/distinct", schemaPath: "#/$defs/columnProfile/oneOf/1/properties/distinct/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema14.oneOf[1].properties.distinct.type, parentSchema: schema14.oneOf[1].properties.distinct, data: data22 };
                        if (vErrors === null) {
                          vErrors = [err52];
                        } else {
                          vErrors.push(err52);
                        }
                        errors++;
                      }
                      if (typeof data22 == "number" && isFinite(data22)) {
                        if (data22 < 0 || isNaN(data22)) {
                          const err53 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/distinct", schemaPath: "#/$defs/columnProfile/oneOf/1/properties/distinct/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema14.oneOf[1].properties.distinct, data: data22 };
                          if (vErrors === null) {
                            vErrors = [err53];
                          } else {
                            vErrors.push(err53);
                          }
                          errors++;
                        }
                      }
                    }
                    if (data8.top !== void 0) {
                      let data23 = data8.top;
                      if (Array.isArray(data23)) {
                        const len1 = data23.length;
                        for (let i1 = 0; i1 < len1; i1++) {
                          let data24 = data23[i1];
                          if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
                            if (data24.value === void 0) {
                              const err54 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/top/" + i1, schemaPath: "#/$defs/columnProfile/oneOf/1/properties/top/items/required", keyword: "required", params: { missingProperty: "value" }, message: "must have required property 'value'", schema: schema14.oneOf[1].properties.top.items.required, parentSchema: schema14.oneOf[1].properties.top.items, data: data24 };
                              if (vErrors === null) {
                                vErrors = [err54];
                              } else {
                                vErrors.push(err54);
                              }
                              errors++;
                            }
                            if (data24.count === void 0) {
                              const err55 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/top/" + i1, schemaPath: "#/$defs/columnProfile/oneOf/1/properties/top/items/required", keyword: "required", params: { missingProperty: "count" }, message: "must have required property 'count'", schema: schema14.oneOf[1].properties.top.items.required, parentSchema: schema14.oneOf[1].properties.top.items, data: data24 };
                              if (vErrors === null) {
                                vErrors = [err55];
                              } else {
                                vErrors.push(err55);
                              }
                              errors++;
                            }
                            for (const key6 in data24) {
                              if (!(key6 === "value" || key6 === "count")) {
                                const err56 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/top/" + i1, schemaPath: "#/$defs/columnProfile/oneOf/1/properties/top/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema14.oneOf[1].properties.top.items, data: data24 };
                                if (vErrors === null) {
                                  vErrors = [err56];
                                } else {
                                  vErrors.push(err56);
                                }
                                errors++;
                              }
                            }
                            if (data24.value !== void 0) {
                              let data25 = data24.value;
                              if (typeof data25 !== "string") {
                                const err57 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/top/" + i1 + "/value", schemaPath: "#/$defs/columnProfile/oneOf/1/properties/top/items/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.oneOf[1].properties.top.items.properties.value.type, parentSchema: schema14.oneOf[1].properties.top.items.properties.value, data: data25 };
                                if (vErrors === null) {
                                  vErrors = [err57];
                                } else {
                                  vErrors.push(err57);
                                }
                                errors++;
                              }
                            }
                            if (data24.count !== void 0) {
                              let data26 = data24.count;
                              if (!(typeof data26 == "number" && (!(data26 % 1) && !isNaN(data26)) && isFinite(data26))) {
                                const err58 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/top/" + i1 + "/count", schemaPath: "#/$defs/columnProfile/oneOf/1/properties/top/items/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema14.oneOf[1].properties.top.items.properties.count.type, parentSchema: schema14.oneOf[1].properties.top.items.properties.count, data: data26 };
                                if (vErrors === null) {
                                  vErrors = [err58];
                                } else {
                                  vErrors.push(err58);
                                }
                                errors++;
                              }
                              if (typeof data26 == "number" && isFinite(data26)) {
                                if (data26 < 1 || isNaN(data26)) {
                                  const err59 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/top/" + i1 + "/count", schemaPath: "#/$defs/columnProfile/oneOf/1/properties/top/items/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema14.oneOf[1].properties.top.items.properties.count, data: data26 };
                                  if (vErrors === null) {
                                    vErrors = [err59];
                                  } else {
                                    vErrors.push(err59);
                                  }
                                  errors++;
                                }
                              }
                            }
                          } else {
                            const err60 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/top/" + i1, schemaPath: "#/$defs/columnProfile/oneOf/1/properties/top/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.oneOf[1].properties.top.items.type, parentSchema: schema14.oneOf[1].properties.top.items, data: data24 };
                            if (vErrors === null) {
                              vErrors = [err60];
                            } else {
                              vErrors.push(err60);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err61 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/top", schemaPath: "#/$defs/columnProfile/oneOf/1/properties/top/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema14.oneOf[1].properties.top.type, parentSchema: schema14.oneOf[1].properties.top, data: data23 };
                        if (vErrors === null) {
                          vErrors = [err61];
                        } else {
                          vErrors.push(err61);
                        }
                        errors++;
                      }
                    }
                    if (data8.other !== void 0) {
                      let data27 = data8.other;
                      if (!(typeof data27 == "number" && (!(data27 % 1) && !isNaN(data27)) && isFinite(data27))) {
                        const err62 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/other", schemaPath: "#/$defs/columnProfile/oneOf/1/properties/other/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema14.oneOf[1].properties.other.type, parentSchema: schema14.oneOf[1].properties.other, data: data27 };
                        if (vErrors === null) {
                          vErrors = [err62];
                        } else {
                          vErrors.push(err62);
                        }
                        errors++;
                      }
                      if (typeof data27 == "number" && isFinite(data27)) {
                        if (data27 < 0 || isNaN(data27)) {
                          const err63 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/other", schemaPath: "#/$defs/columnProfile/oneOf/1/properties/other/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema14.oneOf[1].properties.other, data: data27 };
                          if (vErrors === null) {
                            vErrors = [err63];
                          } else {
                            vErrors.push(err63);
                          }
                          errors++;
                        }
                      }
                    }
                  } else {
                    const err64 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.oneOf[1].type, parentSchema: schema14.oneOf[1], data: data8 };
                    if (vErrors === null) {
                      vErrors = [err64];
                    } else {
                      vErrors.push(err64);
                    }
                    errors++;
                  }
                  var _valid0 = _errs45 === errors;
                  if (_valid0 && valid5) {
                    valid5 = false;
                    passing0 = [passing0, 1];
                  } else {
                    if (_valid0) {
                      valid5 = true;
                      passing0 = 1;
                      if (props0 !== true) {
                        props0 = true;
                      }
                    }
                  }
                  if (!valid5) {
                    const err65 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/columnProfile/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema14.oneOf, parentSchema: schema14, data: data8 };
                    if (vErrors === null) {
                      vErrors = [err65];
                    } else {
                      vErrors.push(err65);
                    }
                    errors++;
                  } else {
                    errors = _errs22;
                    if (vErrors !== null) {
                      if (_errs22) {
                        vErrors.length = _errs22;
                      } else {
                        vErrors = null;
                      }
                    }
                  }
                }
              } else {
                const err66 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/columns", schemaPath: "#/properties/inputs/additionalProperties/properties/columns/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.properties.inputs.additionalProperties.properties.columns.type, parentSchema: schema13.properties.inputs.additionalProperties.properties.columns, data: data7 };
                if (vErrors === null) {
                  vErrors = [err66];
                } else {
                  vErrors.push(err66);
                }
                errors++;
              }
            }
          } else {
            const err67 = { instancePath: instancePath + "/inputs/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/inputs/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.properties.inputs.additionalProperties.type, parentSchema: schema13.properties.inputs.additionalProperties, data: data4 };
            if (vErrors === null) {
              vErrors = [err67];
            } else {
              vErrors.push(err67);
            }
            errors++;
          }
        }
      } else {
        const err68 = { instancePath: instancePath + "/inputs", schemaPath: "#/properties/inputs/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.properties.inputs.type, parentSchema: schema13.properties.inputs, data: data3 };
        if (vErrors === null) {
          vErrors = [err68];
        } else {
          vErrors.push(err68);
        }
        errors++;
      }
    }
  } else {
    const err69 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data };
    if (vErrors === null) {
      vErrors = [err69];
    } else {
      vErrors.push(err69);
    }
    errors++;
  }
  validate9.errors = vErrors;
  return errors === 0;
}
validate9.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var formats0 = __cjs1.fullFormats["date-time"];
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
    if (data.model === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "model" }, message: "must have required property 'model'", schema: schema8.required, parentSchema: schema8, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.version === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'", schema: schema8.required, parentSchema: schema8, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.parentVersion === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "parentVersion" }, message: "must have required property 'parentVersion'", schema: schema8.required, parentSchema: schema8, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.warmStart === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "warmStart" }, message: "must have required property 'warmStart'", schema: schema8.required, parentSchema: schema8, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.specDigest === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "specDigest" }, message: "must have required property 'specDigest'", schema: schema8.required, parentSchema: schema8, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.gitCommit === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "gitCommit" }, message: "must have required property 'gitCommit'", schema: schema8.required, parentSchema: schema8, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.params === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "params" }, message: "must have required property 'params'", schema: schema8.required, parentSchema: schema8, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.trainingData === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "trainingData" }, message: "must have required property 'trainingData'", schema: schema8.required, parentSchema: schema8, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.evaluationData === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "evaluationData" }, message: "must have required property 'evaluationData'", schema: schema8.required, parentSchema: schema8, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.metrics === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "metrics" }, message: "must have required property 'metrics'", schema: schema8.required, parentSchema: schema8, data };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    if (data.toolVersion === void 0) {
      const err10 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "toolVersion" }, message: "must have required property 'toolVersion'", schema: schema8.required, parentSchema: schema8, data };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    if (data.createdAt === void 0) {
      const err11 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "createdAt" }, message: "must have required property 'createdAt'", schema: schema8.required, parentSchema: schema8, data };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
    if (data.environment === void 0) {
      const err12 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "environment" }, message: "must have required property 'environment'", schema: schema8.required, parentSchema: schema8, data };
      if (vErrors === null) {
        vErrors = [err12];
      } else {
        vErrors.push(err12);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func3.call(schema8.properties, key0)) {
        const err13 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema8, data };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.model !== void 0) {
      let data0 = data.model;
      if (typeof data0 === "string") {
        if (func0(data0) < 1) {
          const err14 = { instancePath: instancePath + "/model", schemaPath: "#/properties/model/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema8.properties.model, data: data0 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/model", schemaPath: "#/properties/model/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema8.properties.model.type, parentSchema: schema8.properties.model, data: data0 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      let data1 = data.version;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1)) && data1 !== null) {
        const err16 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/type", keyword: "type", params: { type: schema8.properties.version.type }, message: "must be integer,null", schema: schema8.properties.version.type, parentSchema: schema8.properties.version, data: data1 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
      if (typeof data1 == "number" && isFinite(data1)) {
        if (data1 < 1 || isNaN(data1)) {
          const err17 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema8.properties.version, data: data1 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      }
    }
    if (data.parentVersion !== void 0) {
      let data2 = data.parentVersion;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2)) && data2 !== null) {
        const err18 = { instancePath: instancePath + "/parentVersion", schemaPath: "#/properties/parentVersion/type", keyword: "type", params: { type: schema8.properties.parentVersion.type }, message: "must be integer,null", schema: schema8.properties.parentVersion.type, parentSchema: schema8.properties.parentVersion, data: data2 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 < 1 || isNaN(data2)) {
          const err19 = { instancePath: instancePath + "/parentVersion", schemaPath: "#/properties/parentVersion/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema8.properties.parentVersion, data: data2 };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      }
    }
    if (data.warmStart !== void 0) {
      let data3 = data.warmStart;
      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
        if (data3.source === void 0) {
          const err20 = { instancePath: instancePath + "/warmStart", schemaPath: "#/properties/warmStart/required", keyword: "required", params: { missingProperty: "source" }, message: "must have required property 'source'", schema: schema8.properties.warmStart.required, parentSchema: schema8.properties.warmStart, data: data3 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
        for (const key1 in data3) {
          if (!(key1 === "source" || key1 === "reason" || key1 === "confirmed" || key1 === "packages")) {
            const err21 = { instancePath: instancePath + "/warmStart", schemaPath: "#/properties/warmStart/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema8.properties.warmStart, data: data3 };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data3.source !== void 0) {
          let data4 = data3.source;
          if (!(data4 === "champion" || data4 === "cold")) {
            const err22 = { instancePath: instancePath + "/warmStart/source", schemaPath: "#/properties/warmStart/properties/source/enum", keyword: "enum", params: { allowedValues: schema8.properties.warmStart.properties.source.enum }, message: "must be equal to one of the allowed values", schema: schema8.properties.warmStart.properties.source.enum, parentSchema: schema8.properties.warmStart.properties.source, data: data4 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        if (data3.reason !== void 0) {
          let data5 = data3.reason;
          if (typeof data5 !== "string") {
            const err23 = { instancePath: instancePath + "/warmStart/reason", schemaPath: "#/properties/warmStart/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema8.properties.warmStart.properties.reason.type, parentSchema: schema8.properties.warmStart.properties.reason, data: data5 };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data3.confirmed !== void 0) {
          let data6 = data3.confirmed;
          if (typeof data6 !== "boolean") {
            const err24 = { instancePath: instancePath + "/warmStart/confirmed", schemaPath: "#/properties/warmStart/properties/confirmed/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema8.properties.warmStart.properties.confirmed.type, parentSchema: schema8.properties.warmStart.properties.confirmed, data: data6 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        if (data3.packages !== void 0) {
          let data7 = data3.packages;
          if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
            for (const key2 in data7) {
              let data8 = data7[key2];
              if (typeof data8 !== "string") {
                const err25 = { instancePath: instancePath + "/warmStart/packages/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/warmStart/properties/packages/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema8.properties.warmStart.properties.packages.additionalProperties.type, parentSchema: schema8.properties.warmStart.properties.packages.additionalProperties, data: data8 };
                if (vErrors === null) {
                  vErrors = [err25];
                } else {
                  vErrors.push(err25);
                }
                errors++;
              }
            }
          } else {
            const err26 = { instancePath: instancePath + "/warmStart/packages", schemaPath: "#/properties/warmStart/properties/packages/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema8.properties.warmStart.properties.packages.type, parentSchema: schema8.properties.warmStart.properties.packages, data: data7 };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
      } else {
        const err27 = { instancePath: instancePath + "/warmStart", schemaPath: "#/properties/warmStart/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema8.properties.warmStart.type, parentSchema: schema8.properties.warmStart, data: data3 };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.specDigest !== void 0) {
      let data9 = data.specDigest;
      if (typeof data9 === "string") {
        if (func0(data9) < 1) {
          const err28 = { instancePath: instancePath + "/specDigest", schemaPath: "#/properties/specDigest/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema8.properties.specDigest, data: data9 };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
      } else {
        const err29 = { instancePath: instancePath + "/specDigest", schemaPath: "#/properties/specDigest/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema8.properties.specDigest.type, parentSchema: schema8.properties.specDigest, data: data9 };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
    if (data.gitCommit !== void 0) {
      let data10 = data.gitCommit;
      if (typeof data10 !== "string" && data10 !== null) {
        const err30 = { instancePath: instancePath + "/gitCommit", schemaPath: "#/properties/gitCommit/type", keyword: "type", params: { type: schema8.properties.gitCommit.type }, message: "must be string,null", schema: schema8.properties.gitCommit.type, parentSchema: schema8.properties.gitCommit, data: data10 };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      }
      if (typeof data10 === "string") {
        if (func0(data10) < 1) {
          const err31 = { instancePath: instancePath + "/gitCommit", schemaPath: "#/properties/gitCommit/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema8.properties.gitCommit, data: data10 };
          if (vErrors === null) {
            vErrors = [err31];
          } else {
            vErrors.push(err31);
          }
          errors++;
        }
      }
    }
    if (data.params !== void 0) {
      let data11 = data.params;
      if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
        for (const key3 in data11) {
          let data12 = data11[key3];
          if (typeof data12 !== "string" && !(typeof data12 == "number" && isFinite(data12)) && typeof data12 !== "boolean") {
            const err32 = { instancePath: instancePath + "/params/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/params/additionalProperties/type", keyword: "type", params: { type: schema8.properties.params.additionalProperties.type }, message: "must be string,number,boolean", schema: schema8.properties.params.additionalProperties.type, parentSchema: schema8.properties.params.additionalProperties, data: data12 };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
        }
      } else {
        const err33 = { instancePath: instancePath + "/params", schemaPath: "#/properties/params/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema8.properties.params.type, parentSchema: schema8.properties.params, data: data11 };
        if (vErrors === null) {
          vErrors = [err33];
        } else {
          vErrors.push(err33);
        }
        errors++;
      }
    }
    if (data.reportedParams !== void 0) {
      let data13 = data.reportedParams;
      if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
        for (const key4 in data13) {
          let data14 = data13[key4];
          if (typeof data14 !== "string" && !(typeof data14 == "number" && isFinite(data14)) && typeof data14 !== "boolean") {
            const err34 = { instancePath: instancePath + "/reportedParams/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/reportedParams/additionalProperties/type", keyword: "type", params: { type: schema8.properties.reportedParams.additionalProperties.type }, message: "must be string,number,boolean", schema: schema8.properties.reportedParams.additionalProperties.type, parentSchema: schema8.properties.reportedParams.additionalProperties, data: data14 };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
        }
      } else {
        const err35 = { instancePath: instancePath + "/reportedParams", schemaPath: "#/properties/reportedParams/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema8.properties.reportedParams.type, parentSchema: schema8.properties.reportedParams, data: data13 };
        if (vErrors === null) {
          vErrors = [err35];
        } else {
          vErrors.push(err35);
        }
        errors++;
      }
    }
    if (data.trainingData !== void 0) {
      let data15 = data.trainingData;
      if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
        for (const key5 in data15) {
          if (!validate6(data15[key5], { instancePath: instancePath + "/trainingData/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data15, parentDataProperty: key5, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate6.errors : vErrors.concat(validate6.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err36 = { instancePath: instancePath + "/trainingData", schemaPath: "#/properties/trainingData/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema8.properties.trainingData.type, parentSchema: schema8.properties.trainingData, data: data15 };
        if (vErrors === null) {
          vErrors = [err36];
        } else {
          vErrors.push(err36);
        }
        errors++;
      }
    }
    if (data.evaluationData !== void 0) {
      let data17 = data.evaluationData;
      if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
        for (const key6 in data17) {
          if (!validate6(data17[key6], { instancePath: instancePath + "/evaluationData/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data17, parentDataProperty: key6, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate6.errors : vErrors.concat(validate6.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err37 = { instancePath: instancePath + "/evaluationData", schemaPath: "#/properties/evaluationData/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema8.properties.evaluationData.type, parentSchema: schema8.properties.evaluationData, data: data17 };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
    }
    if (data.metrics !== void 0) {
      let data19 = data.metrics;
      if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
        for (const key7 in data19) {
          let data20 = data19[key7];
          if (!(typeof data20 == "number" && isFinite(data20)) && data20 !== null) {
            const err38 = { instancePath: instancePath + "/metrics/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/metrics/additionalProperties/type", keyword: "type", params: { type: schema8.properties.metrics.additionalProperties.type }, message: "must be number,null", schema: schema8.properties.metrics.additionalProperties.type, parentSchema: schema8.properties.metrics.additionalProperties, data: data20 };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
      } else {
        const err39 = { instancePath: instancePath + "/metrics", schemaPath: "#/properties/metrics/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema8.properties.metrics.type, parentSchema: schema8.properties.metrics, data: data19 };
        if (vErrors === null) {
          vErrors = [err39];
        } else {
          vErrors.push(err39);
        }
        errors++;
      }
    }
    if (data.toolVersion !== void 0) {
      let data21 = data.toolVersion;
      if (typeof data21 === "string") {
        if (func0(data21) < 1) {
          const err40 = { instancePath: instancePath + "/toolVersion", schemaPath: "#/properties/toolVersion/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema8.properties.toolVersion, data: data21 };
          if (vErrors === null) {
            vErrors = [err40];
          } else {
            vErrors.push(err40);
          }
          errors++;
        }
      } else {
        const err41 = { instancePath: instancePath + "/toolVersion", schemaPath: "#/properties/toolVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema8.properties.toolVersion.type, parentSchema: schema8.properties.toolVersion, data: data21 };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      }
    }
    if (data.stepCache !== void 0) {
      let data22 = data.stepCache;
      if (Array.isArray(data22)) {
        const len0 = data22.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data23 = data22[i0];
          if (data23 && typeof data23 == "object" && !Array.isArray(data23)) {
            if (data23.step === void 0) {
              const err42 = { instancePath: instancePath + "/stepCache/" + i0, schemaPath: "#/properties/stepCache/items/required", keyword: "required", params: { missingProperty: "step" }, message: "must have required property 'step'", schema: schema8.properties.stepCache.items.required, parentSchema: schema8.properties.stepCache.items, data: data23 };
              if (vErrors === null) {
                vErrors = [err42];
              } else {
                vErrors.push(err42);
              }
              errors++;
            }
            if (data23.key === void 0) {
              const err43 = { instancePath: instancePath + "/stepCache/" + i0, schemaPath: "#/properties/stepCache/items/required", keyword: "required", params: { missingProperty: "key" }, message: "must have required property 'key'", schema: schema8.properties.stepCache.items.required, parentSchema: schema8.properties.stepCache.items, data: data23 };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
            if (data23.restored === void 0) {
              const err44 = { instancePath: instancePath + "/stepCache/" + i0, schemaPath: "#/properties/stepCache/items/required", keyword: "required", params: { missingProperty: "restored" }, message: "must have required property 'restored'", schema: schema8.properties.stepCache.items.required, parentSchema: schema8.properties.stepCache.items, data: data23 };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
            for (const key8 in data23) {
              if (!(key8 === "step" || key8 === "key" || key8 === "restored")) {
                const err45 = { instancePath: instancePath + "/stepCache/" + i0, schemaPath: "#/properties/stepCache/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties", schema: false, parentSchema: schema8.properties.stepCache.items, data: data23 };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors++;
              }
            }
            if (data23.step !== void 0) {
              let data24 = data23.step;
              if (typeof data24 !== "string") {
                const err46 = { instancePath: instancePath + "/stepCache/" + i0 + "/step", schemaPath: "#/properties/stepCache/items/properties/step/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema8.properties.stepCache.items.properties.step.type, parentSchema: schema8.properties.stepCache.items.properties.step, data: data24 };
                if (vErrors === null) {
                  vErrors = [err46];
                } else {
                  vErrors.push(err46);
                }
                errors++;
              }
            }
            if (data23.key !== void 0) {
              let data25 = data23.key;
              if (typeof data25 !== "string") {
                const err47 = { instancePath: instancePath + "/stepCache/" + i0 + "/key", schemaPath: "#/properties/stepCache/items/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema8.properties.stepCache.items.properties.key.type, parentSchema: schema8.properties.stepCache.items.properties.key, data: data25 };
                if (vErrors === null) {
                  vErrors = [err47];
                } else {
                  vErrors.push(err47);
                }
                errors++;
              }
            }
            if (data23.restored !== void 0) {
              let data26 = data23.restored;
              if (typeof data26 !== "boolean") {
                const err48 = { instancePath: instancePath + "/stepCache/" + i0 + "/restored", schemaPath: "#/properties/stepCache/items/properties/restored/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema8.properties.stepCache.items.properties.restored.type, parentSchema: schema8.properties.stepCache.items.properties.restored, data: data26 };
                if (vErrors === null) {
                  vErrors = [err48];
                } else {
                  vErrors.push(err48);
                }
                errors++;
              }
            }
          } else {
            const err49 = { instancePath: instancePath + "/stepCache/" + i0, schemaPath: "#/properties/stepCache/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema8.properties.stepCache.items.type, parentSchema: schema8.properties.stepCache.items, data: data23 };
            if (vErrors === null) {
              vErrors = [err49];
            } else {
              vErrors.push(err49);
            }
            errors++;
          }
        }
      } else {
        const err50 = { instancePath: instancePath + "/stepCache", schemaPath: "#/properties/stepCache/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema8.properties.stepCache.type, parentSchema: schema8.properties.stepCache, data: data22 };
        if (vErrors === null) {
          vErrors = [err50];
        } else {
          vErrors.push(err50);
        }
        errors++;
      }
    }
    if (data.createdAt !== void 0) {
      let data27 = data.createdAt;
      if (typeof data27 === "string") {
        if (!formats0.validate(data27)) {
          const err51 = { instancePath: instancePath + "/createdAt", schemaPath: "#/properties/createdAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema8.properties.createdAt, data: data27 };
          if (vErrors === null) {
            vErrors = [err51];
          } else {
            vErrors.push(err51);
          }
          errors++;
        }
      } else {
        const err52 = { instancePath: instancePath + "/createdAt", schemaPath: "#/properties/createdAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema8.properties.createdAt.type, parentSchema: schema8.properties.createdAt, data: data27 };
        if (vErrors === null) {
          vErrors = [err52];
        } else {
          vErrors.push(err52);
        }
        errors++;
      }
    }
    if (data.environment !== void 0) {
      let data28 = data.environment;
      if (data28 && typeof data28 == "object" && !Array.isArray(data28)) {
        if (data28.os === void 0) {
          const err53 = { instancePath: instancePath + "/environment", schemaPath: "#/properties/environment/required", keyword: "required", params: { missingProperty: "os" }, message: "must have required property 'os'", schema: schema8.properties.environment.required, parentSchema: schema8.properties.environment, data: data28 };
          if (vErrors === null) {
            vErrors = [err53];
          } else {
            vErrors.push(err53);
          }
          errors++;
        }
        if (data28.arch === void 0) {
          const err54 = { instancePath: instancePath + "/environment", schemaPath: "#/properties/environment/required", keyword: "required", params: { missingProperty: "arch" }, message: "must have required property 'arch'", schema: schema8.properties.environment.required, parentSchema: schema8.properties.environment, data: data28 };
          if (vErrors === null) {
            vErrors = [err54];
          } else {
            vErrors.push(err54);
          }
          errors++;
        }
        if (data28.runtimes === void 0) {
          const err55 = { instancePath: instancePath + "/environment", schemaPath: "#/properties/environment/required", keyword: "required", params: { missingProperty: "runtimes" }, message: "must have required property 'runtimes'", schema: schema8.properties.environment.required, parentSchema: schema8.properties.environment, data: data28 };
          if (vErrors === null) {
            vErrors = [err55];
          } else {
            vErrors.push(err55);
          }
          errors++;
        }
        if (data28.lockfiles === void 0) {
          const err56 = { instancePath: instancePath + "/environment", schemaPath: "#/properties/environment/required", keyword: "required", params: { missingProperty: "lockfiles" }, message: "must have required property 'lockfiles'", schema: schema8.properties.environment.required, parentSchema: schema8.properties.environment, data: data28 };
          if (vErrors === null) {
            vErrors = [err56];
          } else {
            vErrors.push(err56);
          }
          errors++;
        }
        if (data28.containerImage === void 0) {
          const err57 = { instancePath: instancePath + "/environment", schemaPath: "#/properties/environment/required", keyword: "required", params: { missingProperty: "containerImage" }, message: "must have required property 'containerImage'", schema: schema8.properties.environment.required, parentSchema: schema8.properties.environment, data: data28 };
          if (vErrors === null) {
            vErrors = [err57];
          } else {
            vErrors.push(err57);
          }
          errors++;
        }
        for (const key9 in data28) {
          if (!(key9 === "os" || key9 === "arch" || key9 === "runtimes" || key9 === "lockfiles" || key9 === "containerImage")) {
            const err58 = { instancePath: instancePath + "/environment", schemaPath: "#/properties/environment/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key9 }, message: "must NOT have additional properties", schema: false, parentSchema: schema8.properties.environment, data: data28 };
            if (vErrors === null) {
              vErrors = [err58];
            } else {
              vErrors.push(err58);
            }
            errors++;
          }
        }
        if (data28.os !== void 0) {
          let data29 = data28.os;
          if (typeof data29 !== "string") {
            const err59 = { instancePath: instancePath + "/environment/os", schemaPath: "#/properties/environment/properties/os/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema8.properties.environment.properties.os.type, parentSchema: schema8.properties.environment.properties.os, data: data29 };
            if (vErrors === null) {
              vErrors = [err59];
            } else {
              vErrors.push(err59);
            }
            errors++;
          }
        }
        if (data28.arch !== void 0) {
          let data30 = data28.arch;
          if (typeof data30 !== "string") {
            const err60 = { instancePath: instancePath + "/environment/arch", schemaPath: "#/properties/environment/properties/arch/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema8.properties.environment.properties.arch.type, parentSchema: schema8.properties.environment.properties.arch, data: data30 };
            if (vErrors === null) {
              vErrors = [err60];
            } else {
              vErrors.push(err60);
            }
            errors++;
          }
        }
        if (data28.runtimes !== void 0) {
          let data31 = data28.runtimes;
          if (data31 && typeof data31 == "object" && !Array.isArray(data31)) {
            for (const key10 in data31) {
              let data32 = data31[key10];
              if (typeof data32 !== "string") {
                const err61 = { instancePath: instancePath + "/environment/runtimes/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/environment/properties/runtimes/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema8.properties.environment.properties.runtimes.additionalProperties.type, parentSchema: schema8.properties.environment.properties.runtimes.additionalProperties, data: data32 };
                if (vErrors === null) {
                  vErrors = [err61];
                } else {
                  vErrors.push(err61);
                }
                errors++;
              }
            }
          } else {
            const err62 = { instancePath: instancePath + "/environment/runtimes", schemaPath: "#/properties/environment/properties/runtimes/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema8.properties.environment.properties.runtimes.type, parentSchema: schema8.properties.environment.properties.runtimes, data: data31 };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors++;
          }
        }
        if (data28.lockfiles !== void 0) {
          let data33 = data28.lockfiles;
          if (data33 && typeof data33 == "object" && !Array.isArray(data33)) {
            for (const key11 in data33) {
              let data34 = data33[key11];
              if (typeof data34 === "string") {
                if (!pattern0.test(data34)) {
                  const err63 = { instancePath: instancePath + "/environment/lockfiles/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema1, data: data34 };
                  if (vErrors === null) {
                    vErrors = [err63];
                  } else {
                    vErrors.push(err63);
                  }
                  errors++;
                }
              } else {
                const err64 = { instancePath: instancePath + "/environment/lockfiles/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema1.type, parentSchema: schema1, data: data34 };
                if (vErrors === null) {
                  vErrors = [err64];
                } else {
                  vErrors.push(err64);
                }
                errors++;
              }
            }
          } else {
            const err65 = { instancePath: instancePath + "/environment/lockfiles", schemaPath: "#/properties/environment/properties/lockfiles/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema8.properties.environment.properties.lockfiles.type, parentSchema: schema8.properties.environment.properties.lockfiles, data: data33 };
            if (vErrors === null) {
              vErrors = [err65];
            } else {
              vErrors.push(err65);
            }
            errors++;
          }
        }
        if (data28.containerImage !== void 0) {
          let data35 = data28.containerImage;
          if (typeof data35 !== "string" && data35 !== null) {
            const err66 = { instancePath: instancePath + "/environment/containerImage", schemaPath: "#/properties/environment/properties/containerImage/type", keyword: "type", params: { type: schema8.properties.environment.properties.containerImage.type }, message: "must be string,null", schema: schema8.properties.environment.properties.containerImage.type, parentSchema: schema8.properties.environment.properties.containerImage, data: data35 };
            if (vErrors === null) {
              vErrors = [err66];
            } else {
              vErrors.push(err66);
            }
            errors++;
          }
        }
      } else {
        const err67 = { instancePath: instancePath + "/environment", schemaPath: "#/properties/environment/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema8.properties.environment.type, parentSchema: schema8.properties.environment, data: data28 };
        if (vErrors === null) {
          vErrors = [err67];
        } else {
          vErrors.push(err67);
        }
        errors++;
      }
    }
    if (data.dataProfile !== void 0) {
      if (!validate9(data.dataProfile, { instancePath: instancePath + "/dataProfile", parentData: data, parentDataProperty: "dataProfile", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate9.errors : vErrors.concat(validate9.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err68 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema8.type, parentSchema: schema8, data };
    if (vErrors === null) {
      vErrors = [err68];
    } else {
      vErrors.push(err68);
    }
    errors++;
  }
  validate5.errors = vErrors;
  return errors === 0;
}
validate5.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate0(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
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
    if (data.schemaVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "schemaVersion" }, message: "must have required property 'schemaVersion'", schema: schema0.required, parentSchema: schema0, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.digest === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "digest" }, message: "must have required property 'digest'", schema: schema0.required, parentSchema: schema0, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.archiveSha256 === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "archiveSha256" }, message: "must have required property 'archiveSha256'", schema: schema0.required, parentSchema: schema0, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.archiveSize === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "archiveSize" }, message: "must have required property 'archiveSize'", schema: schema0.required, parentSchema: schema0, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.files === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "files" }, message: "must have required property 'files'", schema: schema0.required, parentSchema: schema0, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.links === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "links" }, message: "must have required property 'links'", schema: schema0.required, parentSchema: schema0, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.lineage === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "lineage" }, message: "must have required property 'lineage'", schema: schema0.required, parentSchema: schema0, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "schemaVersion" || key0 === "digest" || key0 === "archiveSha256" || key0 === "archiveSize" || key0 === "files" || key0 === "links" || key0 === "lineage")) {
        const err7 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema0, data };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.schemaVersion !== void 0) {
      let data0 = data.schemaVersion;
      if (1 !== data0) {
        const err8 = { instancePath: instancePath + "/schemaVersion", schemaPath: "#/properties/schemaVersion/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema0.properties.schemaVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.digest !== void 0) {
      let data1 = data.digest;
      if (typeof data1 === "string") {
        if (!pattern0.test(data1)) {
          const err9 = { instancePath: instancePath + "/digest", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema1, data: data1 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/digest", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema1.type, parentSchema: schema1, data: data1 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.archiveSha256 !== void 0) {
      let data2 = data.archiveSha256;
      if (typeof data2 === "string") {
        if (!pattern0.test(data2)) {
          const err11 = { instancePath: instancePath + "/archiveSha256", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema1, data: data2 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/archiveSha256", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema1.type, parentSchema: schema1, data: data2 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.archiveSize !== void 0) {
      let data3 = data.archiveSize;
      if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
        const err13 = { instancePath: instancePath + "/archiveSize", schemaPath: "#/properties/archiveSize/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema0.properties.archiveSize.type, parentSchema: schema0.properties.archiveSize, data: data3 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
      if (typeof data3 == "number" && isFinite(data3)) {
        if (data3 < 0 || isNaN(data3)) {
          const err14 = { instancePath: instancePath + "/archiveSize", schemaPath: "#/properties/archiveSize/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema0.properties.archiveSize, data: data3 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      }
    }
    if (data.files !== void 0) {
      let data4 = data.files;
      if (Array.isArray(data4)) {
        const len0 = data4.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate1(data4[i0], { instancePath: instancePath + "/files/" + i0, parentData: data4, parentDataProperty: i0, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate1.errors : vErrors.concat(validate1.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/files", schemaPath: "#/properties/files/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema0.properties.files.type, parentSchema: schema0.properties.files, data: data4 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.links !== void 0) {
      let data6 = data.links;
      if (Array.isArray(data6)) {
        const len1 = data6.length;
        for (let i1 = 0; i1 < len1; i1++) {
          if (!validate3(data6[i1], { instancePath: instancePath + "/links/" + i1, parentData: data6, parentDataProperty: i1, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err16 = { instancePath: instancePath + "/links", schemaPath: "#/properties/links/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema0.properties.links.type, parentSchema: schema0.properties.links, data: data6 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.lineage !== void 0) {
      if (!validate5(data.lineage, { instancePath: instancePath + "/lineage", parentData: data, parentDataProperty: "lineage", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate5.errors : vErrors.concat(validate5.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err17 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema0.type, parentSchema: schema0, data };
    if (vErrors === null) {
      vErrors = [err17];
    } else {
      vErrors.push(err17);
    }
    errors++;
  }
  validate0.errors = vErrors;
  return errors === 0;
}
validate0.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// src/engine/file-hasher.ts
import { Worker } from "node:worker_threads";
var WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { openSync, readSync, closeSync } = require('node:fs')
const { createHash } = require('node:crypto')
const { file, available, signal } = workerData
const hash = createHash('sha256')
const buffer = Buffer.allocUnsafe(4 * 1024 * 1024)
let fd = -1
try {
  fd = openSync(file, 'r')
  let position = 0
  for (;;) {
    const seen = Atomics.load(signal, 0)
    const end = Number(Atomics.load(available, 0))
    if (position < end) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, end - position), position)
      if (n === 0) throw new Error('the file ended at ' + position + ' bytes, before the ' + end + ' written')
      hash.update(buffer.subarray(0, n))
      position += n
    } else if (Atomics.load(signal, 1) === 1) {
      break
    } else {
      Atomics.wait(signal, 0, seen, 1000)
    }
  }
  parentPort.postMessage({ sha256: hash.digest('hex'), size: position })
} catch (err) {
  parentPort.postMessage({ error: err.message, code: err.code, syscall: err.syscall, path: err.path })
} finally {
  if (fd !== -1) closeSync(fd)
}
`;
var FileHasher = class {
  worker;
  available = new BigInt64Array(new SharedArrayBuffer(8));
  /** [0]: bumped at every extension, to wake the worker; [1]: 1 once the file is complete. */
  signal = new Int32Array(new SharedArrayBuffer(8));
  result;
  constructor(file) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { file, available: this.available, signal: this.signal },
      resourceLimits: { maxYoungGenerationSizeMb: 4 }
    });
    this.result = new Promise((resolve, reject) => {
      this.worker.once("message", (message) => {
        if (message.sha256 !== void 0) resolve({ sha256: message.sha256, size: message.size });
        else reject(Object.assign(new Error(message.error), { code: message.code, syscall: message.syscall, path: message.path }));
      });
      this.worker.once("error", reject);
      this.worker.once("exit", () => reject(new Error("the hashing thread stopped")));
    });
    this.result.catch(() => {
    });
  }
  /** The file's first `end` bytes are written and may be read. */
  extend(end) {
    Atomics.store(this.available, 0, BigInt(end));
    Atomics.add(this.signal, 0, 1);
    Atomics.notify(this.signal, 0);
  }
  /** The file is complete at `end` bytes: its sha256 and the bytes the worker read. */
  async finish(end) {
    this.extend(end);
    Atomics.store(this.signal, 1, 1);
    Atomics.add(this.signal, 0, 1);
    Atomics.notify(this.signal, 0);
    return await this.result;
  }
  /** Stops the worker, finished or not; safe to call more than once. */
  async close() {
    Atomics.store(this.signal, 1, 1);
    Atomics.notify(this.signal, 0);
    await this.worker.terminate();
  }
};

// src/engine/file-prefetch.ts
import { closeSync, fstatSync, constants as fsConstants, openSync, readSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker as Worker2 } from "node:worker_threads";
var AHEAD = 4;
var CHUNK = 64;
var NEXT = 0;
var STOP = 1;
var PACKING = 2;
var WORKER_SOURCE2 = `
const { parentPort, workerData } = require('node:worker_threads')
const { openSync, fstatSync, readSync, closeSync, constants } = require('node:fs')
const crypto = require('node:crypto')
const { limit, budget, ahead, control, chunk, ring } = workerData
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)
const sha256 = crypto.hash ? bytes => crypto.hash('sha256', bytes, 'hex') : bytes => crypto.createHash('sha256').update(bytes).digest('hex')
// Started before the paths are known (while the packer lists the directories), a reader waits for them
// in one message, having loaded what it needs meanwhile.
sha256(Buffer.alloc(0))
if (workerData.pathText !== undefined) read(workerData.pathText, workerData.count, workerData.prefix)
else parentPort.once('message', ({ pathText, count, prefix }) => read(pathText, count, prefix))
function read(pathText, count, prefix) {
// The paths come as one string, NUL between them (no path holds a NUL): one string to receive, kept
// out of the young generation, instead of tens of thousands the collector would copy and promote.
const starts = new Int32Array(count + 1)
for (let i = 0, at = 0; i < count; i++) {
  starts[i] = at
  at = pathText.indexOf('\\0', at) + 1
}
starts[count] = pathText.length + 1
const pathAt = i => prefix + pathText.slice(starts[i], starts[i + 1] - 1)
const stride = budget + limit + 1
const chunks = Math.ceil(count / chunk)
while (Atomics.load(control, ${STOP}) === 0) {
  const c = Atomics.load(control, ${NEXT})
  if (c >= chunks) break
  // Flow control: chunk c goes to ring place c % (ahead + 1), free once the packer is past chunk c - ahead - 1.
  const packing = Atomics.load(control, ${PACKING})
  if (c > packing + ahead) { Atomics.wait(control, ${PACKING}, packing, 1000); continue }
  // Claimed by the packer (or another reader) meanwhile: try the next one.
  if (Atomics.compareExchange(control, ${NEXT}, c, c + 1) !== c) continue
  const kinds = []
  const modes = []
  const sizes = []
  const hashes = []
  const errors = []
  const buffer = Buffer.from(ring, (c % (ahead + 1)) * stride, stride)
  let used = 0
  const end = Math.min(count, (c + 1) * chunk)
  for (let i = c * chunk; i < end; i++) {
    // The chunk's place is full: its other files are left to the packer.
    if (used >= budget) { kinds.push(4); modes.push(0); sizes.push(0); hashes.push(''); continue }
    let fd = -1
    try {
      fd = openSync(pathAt(i), FLAGS)
      const info = fstatSync(fd)
      if (!info.isFile()) { kinds.push(2); modes.push(0); sizes.push(0); hashes.push(''); continue }
      if (info.size > limit) { kinds.push(1); modes.push(info.mode); sizes.push(0); hashes.push(''); continue }
      // One byte more than the size: reading it means the file grew. A regular file reads short only at its end.
      let read = 0
      for (let n = readSync(fd, buffer, used, info.size + 1, null); n > 0; n = read === info.size ? 0 : readSync(fd, buffer, used + read, info.size + 1 - read, null)) {
        read += n
        if (read > info.size) break
      }
      if (read !== info.size) { kinds.push(2); modes.push(0); sizes.push(0); hashes.push(''); continue }
      kinds.push(0); modes.push(info.mode); sizes.push(read); hashes.push(sha256(buffer.subarray(used, used + read)))
      used += read
    } catch (err) {
      kinds.push(3); modes.push(0); sizes.push(0); hashes.push('')
      errors.push({ index: kinds.length - 1, message: err.message, code: err.code, errno: err.errno, syscall: err.syscall, path: err.path })
    } finally {
      if (fd !== -1) closeSync(fd)
    }
  }
  parentPort.postMessage({ chunk: c, kinds, modes, sizes, hashes, errors, offset: (c % (ahead + 1)) * stride })
}
}
`;
var SMALL = 0;
var LARGE = 1;
var CHANGED = 2;
var FAILED = 3;
var UNREAD = 4;
var UNREAD_FILE = { kind: "unread" };
var FilePrefetch = class {
  workers = [];
  control = new Int32Array(new SharedArrayBuffer(12));
  /** Chunks arrived and not yet packed, by number. */
  arrived = /* @__PURE__ */ new Map();
  /** AHEAD + 1 places of shared memory, chunk c in place c % (AHEAD + 1): nothing is allocated (or collected) per chunk. */
  ring;
  exitedReaders = 0;
  waiting = null;
  failure = null;
  /** The chunk being packed, and where its files come from: a reader's batch, or the packer itself. */
  chunk = -1;
  source = null;
  index = 0;
  offset = 0;
  position = 0;
  /** A chunk the packer read ahead itself while waiting for the one a reader was reading (at most one at a time). */
  stash = null;
  stashBuffer = null;
  /** Files read ahead (by the readers, or by the packer while it waited), and files left to the packer (for tests and measurements). */
  counts = { readAhead: 0, unread: 0, stolen: 0 };
  packerReads;
  paths = null;
  /** What goes before each path to open it (begin()). */
  prefix = "";
  limit;
  budget;
  /**
   * Starts reading `paths` (in this order) on `readers` workers (by default one per core beyond this
   * thread's, at most two): files of at most `limit` bytes are read whole, a chunk's files into a
   * place of `budget` bytes (plus one file). With `packerReads` false, the packer waits for every
   * chunk instead of reading one nobody has claimed (for tests).
   */
  constructor(paths, limit, budget, options = {}) {
    const readers = options.readers ?? Math.max(1, Math.min(2, availableParallelism() - 1));
    this.packerReads = options.packerReads ?? true;
    this.paths = paths;
    this.limit = limit;
    this.budget = budget;
    this.ring = new SharedArrayBuffer((AHEAD + 1) * (budget + limit + 1));
    const pathData = paths === null ? {} : { pathText: paths.join("\0"), count: paths.length, prefix: "" };
    for (let reader = 0; reader < readers; reader++) {
      const worker = new Worker2(WORKER_SOURCE2, {
        eval: true,
        execArgv: [],
        workerData: { ...pathData, limit, budget, ahead: AHEAD, control: this.control, chunk: CHUNK, ring: this.ring },
        resourceLimits: { maxYoungGenerationSizeMb: 4 }
      });
      worker.on("message", (batch) => {
        this.arrived.set(batch.chunk, batch);
        this.wake();
      });
      worker.on("error", (err) => this.fail(err));
      worker.on("exit", (code) => {
        this.exitedReaders++;
        if (code !== 0) this.fail(new Error(`a file reading thread stopped (exit code ${code})`));
        else this.wake();
      });
      this.workers.push(worker);
    }
  }
  /**
   * The paths to read, in this order, for readers started without them (once, before take()): they
   * started while the caller was still listing the files, and have their program loaded by now.
   */
  begin(paths, prefix = "") {
    if (this.paths !== null) throw new Error("FilePrefetch.begin: the paths were given already");
    this.paths = paths;
    this.prefix = prefix;
    const pathText = paths.join("\0");
    for (const worker of this.workers) worker.postMessage({ pathText, count: paths.length, prefix });
  }
  /**
   * The next file, in the order of the paths, without waiting when it is there (or left to the
   * packer). Its bytes are a view of the ring (or the stash), valid until the next call: a reader
   * refills it once the packer has moved on.
   */
  take() {
    if (this.failure) return Promise.reject(this.failure);
    if (this.paths === null) throw new Error("FilePrefetch.take: begin() was not called");
    const chunk = Math.floor(this.position / CHUNK);
    if (chunk !== this.chunk) {
      this.chunk = chunk;
      this.source = null;
      Atomics.store(this.control, PACKING, chunk);
      Atomics.notify(this.control, PACKING);
    }
    if (this.source === null) {
      let batch = this.arrived.get(chunk);
      if (batch !== void 0) this.arrived.delete(chunk);
      else if (this.stash?.chunk === chunk) {
        batch = this.stash;
        this.stash = null;
      }
      if (batch !== void 0) {
        this.source = batch;
        this.index = 0;
        this.offset = batch.offset;
      } else if (this.packerReads && Atomics.compareExchange(this.control, NEXT, chunk, chunk + 1) === chunk) {
        this.source = "self";
      } else {
        if (this.packerReads && this.stash === null) this.steal();
        return this.arrival().then(() => this.take());
      }
    }
    this.position++;
    if (this.source === "self") {
      this.counts.unread++;
      return UNREAD_FILE;
    }
    return this.next(this.source);
  }
  /** Claims the next chunk nobody has started, if any, and reads it into the stash on this thread. */
  steal() {
    const paths = this.paths;
    const next = Atomics.load(this.control, NEXT);
    if (next * CHUNK >= paths.length || Atomics.compareExchange(this.control, NEXT, next, next + 1) !== next) return;
    this.stashBuffer ??= Buffer.allocUnsafe(this.budget + this.limit + 1);
    this.stash = readChunk(paths, this.prefix, next, this.limit, this.budget, this.stashBuffer);
    this.counts.stolen += this.stash.kinds.length;
  }
  /** Chunks read ahead and waiting for the packer (for tests). */
  get waitingChunks() {
    return this.arrived.size;
  }
  /** Stops the readers; safe to call more than once, and while a chunk is being read. */
  async close() {
    Atomics.store(this.control, STOP, 1);
    Atomics.notify(this.control, PACKING);
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
  next(batch) {
    const index = this.index++;
    switch (batch.kinds[index]) {
      case SMALL: {
        const size = batch.sizes[index];
        const bytes = batch.bytes ? batch.bytes.subarray(this.offset, this.offset + size) : Buffer.from(this.ring, this.offset, size);
        this.offset += size;
        this.counts.readAhead++;
        return { kind: "small", bytes, mode: batch.modes[index], sha256: batch.hashes[index] || void 0 };
      }
      case LARGE:
        return { kind: "large" };
      case CHANGED:
        return { kind: "changed" };
      case UNREAD:
        this.counts.unread++;
        return UNREAD_FILE;
      default: {
        const info = batch.errors.find((e) => e.index === index);
        const err = new Error(info?.message ?? "the file could not be read");
        if (info) Object.assign(err, { code: info.code, errno: info.errno, syscall: info.syscall, path: info.path });
        throw err;
      }
    }
  }
  arrival() {
    if (this.exitedReaders === this.workers.length && !this.arrived.has(this.chunk)) this.failure ??= new Error("a file reading thread stopped");
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting = { resolve, reject });
  }
  wake() {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.resolve();
  }
  fail(err) {
    this.failure ??= err;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(this.failure);
  }
};
var FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0);
function readChunk(paths, prefix, chunk, limit, budget, buffer) {
  const batch = { chunk, kinds: [], modes: [], sizes: [], hashes: [], errors: [], offset: 0, bytes: buffer };
  const put = (kind, mode = 0, size = 0) => {
    batch.kinds.push(kind);
    batch.modes.push(mode);
    batch.sizes.push(size);
    batch.hashes.push("");
  };
  let used = 0;
  const end = Math.min(paths.length, (chunk + 1) * CHUNK);
  for (let i = chunk * CHUNK; i < end; i++) {
    if (used >= budget) {
      put(UNREAD);
      continue;
    }
    let fd = -1;
    try {
      fd = openSync(prefix + paths[i], FLAGS);
      const info = fstatSync(fd);
      if (!info.isFile()) put(CHANGED);
      else if (info.size > limit) put(LARGE, info.mode);
      else {
        let read = 0;
        for (let n = readSync(fd, buffer, used, info.size + 1, null); n > 0; n = read === info.size ? 0 : readSync(fd, buffer, used + read, info.size + 1 - read, null)) {
          read += n;
          if (read > info.size) break;
        }
        if (read !== info.size) put(CHANGED);
        else {
          put(SMALL, info.mode, read);
          used += read;
        }
      }
    } catch (err) {
      put(FAILED);
      const e = err;
      batch.errors.push({ index: batch.kinds.length - 1, message: e.message, code: e.code, errno: e.errno, syscall: e.syscall, path: e.path });
    } finally {
      if (fd !== -1) closeSync(fd);
    }
  }
  return batch;
}

// src/engine/plain-path.ts
function isPlainPath(p) {
  const n = p.length;
  if (n === 0) return false;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    const c = i === n ? SLASH : p.charCodeAt(i);
    if (c === SLASH) {
      const length = i - start;
      if (length === 0) return false;
      if (length <= 2 && p.charCodeAt(start) === DOT && (length === 1 || p.charCodeAt(start + 1) === DOT)) return false;
      start = i + 1;
    } else if (c === BACKSLASH || c === 0 || c === COLON) {
      return false;
    }
  }
  return true;
}
var SLASH = 47;
var DOT = 46;
var BACKSLASH = 92;
var COLON = 58;

// src/engine/shared-hasher.ts
import { Worker as Worker3 } from "node:worker_threads";
var WORKER_SOURCE3 = `
const { parentPort, workerData } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { progress } = workerData
const views = []
let hash = createHash('sha256')
let size = 0
let hashed = 0
parentPort.on('message', message => {
  try {
    if (message.buffer !== undefined) {
      views[message.index] = Buffer.from(message.buffer)
    } else if (message.digest) {
      parentPort.postMessage({ sha256: hash.digest('hex'), size })
      hash = createHash('sha256')
      size = 0
    } else {
      const { index, offset, length } = message
      hash.update(views[index].subarray(offset, offset + length))
      size += length
      Atomics.store(progress, 0, ++hashed)
      Atomics.notify(progress, 0)
    }
  } catch (err) {
    Atomics.store(progress, 1, 1)
    Atomics.notify(progress, 0)
    parentPort.postMessage({ error: String(err && err.message) })
    parentPort.close()
  }
})
`;
var waitAsync = Atomics.waitAsync;
var sharedHasherAvailable = typeof waitAsync === "function";
var SharedHasher = class {
  worker;
  /** [0]: pieces hashed so far; [1]: 1 once the worker failed. */
  progress = new Int32Array(new SharedArrayBuffer(8));
  buffers = /* @__PURE__ */ new Map();
  /** The digests asked for and not yet received, in order. */
  digests = [];
  /** Rejects when the worker fails or stops (close() included); never resolves. */
  failure;
  failed = null;
  pieces = 0;
  constructor() {
    this.worker = new Worker3(WORKER_SOURCE3, {
      eval: true,
      execArgv: [],
      workerData: { progress: this.progress },
      resourceLimits: { maxYoungGenerationSizeMb: 4 }
    });
    let reject = () => {
    };
    this.failure = new Promise((_, no) => {
      reject = no;
    });
    this.failure.catch(() => {
    });
    const fail = (err) => {
      if (this.failed !== null) return;
      this.failed = err;
      reject(err);
      for (const waiting of this.digests.splice(0)) waiting.reject(err);
    };
    this.worker.on("message", (message) => {
      if (message.sha256 !== void 0) this.digests.shift()?.resolve({ sha256: message.sha256, size: message.size });
      else fail(new Error(`the thread hashing large files for the bundle failed: ${message.error}`));
    });
    this.worker.once("error", (err) => fail(new Error(`the thread hashing large files for the bundle failed: ${err.message}`, { cause: err })));
    this.worker.once("exit", (code) => fail(new Error(`the thread hashing large files for the bundle stopped (exit code ${code})`)));
  }
  /** A buffer of `size` bytes in shared memory, whose pieces the worker can hash. */
  buffer(size) {
    const shared = new SharedArrayBuffer(size);
    const index = this.buffers.size;
    this.buffers.set(shared, { index, lastPiece: 0 });
    this.worker.postMessage({ index, buffer: shared });
    return Buffer.from(shared);
  }
  /** Hashes `bytes` (a view of a buffer from `buffer()`) after every piece before it; leave them untouched until release(). */
  update(bytes) {
    const owner = this.buffers.get(bytes.buffer);
    if (owner === void 0) throw new Error("SharedHasher: a piece outside the shared buffers");
    owner.lastPiece = ++this.pieces;
    this.worker.postMessage({ index: owner.index, offset: bytes.byteOffset, length: bytes.length });
  }
  /** Resolves once every piece of `buffer` handed to update() is hashed: it may then be refilled. */
  async release(buffer) {
    const owner = this.buffers.get(buffer.buffer);
    if (owner === void 0) return;
    for (let seen = Atomics.load(this.progress, 0); seen < owner.lastPiece; seen = Atomics.load(this.progress, 0)) {
      if (this.failed !== null) throw this.failed;
      const wait = waitAsync(this.progress, 0, seen);
      if (wait.async) await Promise.race([wait.value, this.failure]);
    }
  }
  /** The sha256 and size of the pieces since the last digest (a new hash starts after them). */
  async digest() {
    if (this.failed !== null) throw this.failed;
    const result = new Promise((resolve, reject) => this.digests.push({ resolve, reject }));
    this.worker.postMessage({ digest: true });
    return await result;
  }
  /** Stops the worker; safe to call more than once. */
  async close() {
    await this.worker.terminate();
  }
};

// src/engine/tar-reader.ts
var TAR_BLOCK = 512;
var MAX_PAX_BYTES = 64 * 1024;
var TYPES = {
  0: "file",
  48: "file",
  49: "link",
  50: "symlink",
  51: "character-device",
  52: "block-device",
  53: "directory",
  54: "fifo",
  55: "contiguous-file",
  103: "pax-global-header",
  76: "gnu-long-path",
  75: "gnu-long-link-path"
};
var PAX_HEADER = 120;
var TarFormatError = class extends Error {
};
var CARRY = 64 * 1024;
var TarReader = class {
  constructor(file, onBytes, bufferSize) {
    this.file = file;
    this.onBytes = onBytes;
    const size = Math.max(bufferSize, 2 * CARRY);
    this.buffer = Buffer.allocUnsafe(size);
    this.spare = Buffer.allocUnsafe(size);
  }
  file;
  onBytes;
  buffer;
  start = 0;
  end = 0;
  /** The file is read to its end and every byte read is in `buffer`. */
  atEnd = false;
  /** The read-ahead buffer: bytes [spareStart, spareEnd) were read and are not in `buffer` yet. */
  spare;
  spareStart = 0;
  spareEnd = 0;
  /** The read into `spare` in flight, if any (it settles without throwing; its error is kept in `aheadError`). */
  ahead = null;
  aheadError = null;
  /** A read returned no bytes: the file ends. */
  fileEnded = false;
  /** Bytes of data (and padding) the caller has not consumed of the entry last returned. */
  pendingData = 0;
  pendingPadding = 0;
  /** Waits for a read still in flight (before the file is closed), ignoring its outcome. */
  async settle() {
    await this.ahead;
  }
  /**
   * The next entry's header when it can be had without waiting: the last entry's data consumed, its
   * padding and the whole header buffered, and the header an ordinary one (not a PAX header, not the
   * end-of-archive marker); else undefined, and `next()` reads it (nothing was consumed). Most entries
   * of an archive of many small files come this way, without a promise each.
   */
  nextBuffered() {
    if (this.pendingData > 0) return void 0;
    const at = this.start + this.pendingPadding;
    if (this.end - at < TAR_BLOCK) return void 0;
    const header = this.buffer.subarray(at, at + TAR_BLOCK);
    if (header[156] === PAX_HEADER || isZero(header)) return void 0;
    const entry = parseHeader(header);
    this.start = at + TAR_BLOCK;
    this.pendingData = entry.size;
    this.pendingPadding = padding(entry.size);
    return entry;
  }
  /**
   * Whether the next entry's header block(s) are byte for byte `expected`, with only zeros in the
   * padding before them: if so they are consumed, and the entry's `size` bytes of data come next (as
   * after `next()`); if not, nothing is consumed. Undefined when too few bytes are buffered to tell
   * (`ensure(expected.length)` reads them). Compares without parsing: no checksum to sum, no strings.
   */
  matchHeader(expected, size) {
    if (this.pendingData > 0) return false;
    const at = this.start + this.pendingPadding;
    if (this.end - at < expected.length) return void 0;
    for (let i = this.start; i < at; i++) if (this.buffer[i] !== 0) return false;
    if (expected.compare(this.buffer, at, at + expected.length) !== 0) return false;
    this.start = at + expected.length;
    this.pendingData = size;
    this.pendingPadding = padding(size);
    return true;
  }
  /** Reads until the padding of the last entry and `size` bytes after it are buffered, or the file ends; false when they could not be. */
  async ensure(size) {
    if (this.pendingData > 0) return false;
    return await this.fill(this.pendingPadding + size);
  }
  /** Whether the padding after the last entry's data (which must be consumed) is all zeros; consumes it. */
  async zeroPadding() {
    if (this.pendingData > 0) return false;
    for (let left = this.pendingPadding; left > 0; ) {
      if (this.end === this.start && !await this.fill(1)) return false;
      const n = Math.min(left, this.end - this.start);
      for (let i = this.start; i < this.start + n; i++) if (this.buffer[i] !== 0) return false;
      this.start += n;
      left -= n;
      this.pendingPadding = left;
    }
    return true;
  }
  /** The next entry's header, PAX records applied; null at the end-of-archive marker, or when the archive ends between entries. */
  async next() {
    if (this.pendingData > 0) await this.data(this.pendingData, () => void 0);
    await this.skip(this.pendingPadding, "the padding after an entry");
    this.pendingPadding = 0;
    let pax = null;
    for (; ; ) {
      if (!await this.fill(TAR_BLOCK)) {
        if (this.end > this.start) throw new TarFormatError("unexpected end of data inside a header");
        if (pax !== null) throw new TarFormatError("unexpected end of data after a PAX header");
        return null;
      }
      const header = this.buffer.subarray(this.start, this.start + TAR_BLOCK);
      if (isZero(header)) {
        if (pax !== null) throw new TarFormatError("the end-of-archive marker follows a PAX header");
        this.start += TAR_BLOCK;
        await this.expectZerosToTheEnd();
        return null;
      }
      const entry = parseHeader(header);
      this.start += TAR_BLOCK;
      if (header[156] !== PAX_HEADER) {
        if (pax?.has("path")) entry.name = pax.get("path");
        if (pax?.has("linkpath")) entry.linkname = pax.get("linkpath");
        this.pendingData = entry.size;
        this.pendingPadding = padding(entry.size);
        return entry;
      }
      if (pax !== null) throw new TarFormatError("two PAX headers in a row");
      if (entry.size > MAX_PAX_BYTES) throw new TarFormatError(`a PAX header of ${entry.size} bytes (at most ${MAX_PAX_BYTES} are read)`);
      const records = [];
      this.pendingData = entry.size;
      await this.data(entry.size, (bytes) => void records.push(Buffer.from(bytes)));
      await this.skip(padding(entry.size), "the padding after a PAX header");
      pax = parsePax(Buffer.concat(records));
    }
  }
  /**
   * Hands the current entry's data to `onPiece` in order, in views of the read buffer that stay valid
   * until `onPiece`'s promise settles. At most `size` bytes (the rest is skipped by `next()`); throws a
   * TarFormatError when the archive ends first.
   */
  async data(size, onPiece) {
    let left = Math.min(size, this.pendingData);
    this.pendingData -= left;
    while (left > 0) {
      if (this.end === this.start && !await this.fill(1)) throw new TarFormatError("unexpected end of data");
      const n = Math.min(left, this.end - this.start);
      const piece = this.buffer.subarray(this.start, this.start + n);
      this.start += n;
      left -= n;
      await onPiece(piece);
    }
  }
  /** True when `size` bytes are in the buffer: the entry's data can be taken whole with `whole()`. */
  async buffered(size) {
    if (this.end - this.start >= size) return true;
    if (size > this.buffer.length) return false;
    await this.fill(size);
    return this.end - this.start >= size;
  }
  /** True when `size` bytes are in the buffer already (no read needed). */
  holds(size) {
    return this.end - this.start >= size;
  }
  /** The current entry's data as one view of the buffer (after `buffered(size)` said it is there), valid until the next call. */
  whole(size) {
    const bytes = this.buffer.subarray(this.start, this.start + size);
    this.start += size;
    this.pendingData -= size;
    return bytes;
  }
  async skip(size, what) {
    for (let left = size; left > 0; ) {
      if (this.end === this.start && !await this.fill(1)) throw new TarFormatError(`unexpected end of data in ${what}`);
      const n = Math.min(left, this.end - this.start);
      this.start += n;
      left -= n;
    }
  }
  /** After the end-of-archive marker only zero blocks may follow (the second marker block, a writer's padding). */
  async expectZerosToTheEnd() {
    for (; ; ) {
      if (this.end === this.start && !await this.fill(1)) return;
      if (!isZero(this.buffer.subarray(this.start, this.end))) throw new TarFormatError("data after the end-of-archive marker");
      this.start = this.end;
    }
  }
  /**
   * Reads until at least `min` bytes are buffered or the file ends; false when they could not be.
   * Views handed out before are no longer used when this runs (the callers' contract), so the buffer
   * they came from may become the read-ahead buffer.
   */
  async fill(min) {
    if (min > this.buffer.length) throw new Error(`TarReader: ${min} bytes cannot be buffered at once (the buffer holds ${this.buffer.length})`);
    while (this.end - this.start < min && !this.atEnd) {
      if (this.spareEnd > this.spareStart) this.take(min);
      else if (this.ahead !== null) await this.ahead;
      else if (this.aheadError !== null) throw this.aheadError;
      else if (this.fileEnded) this.atEnd = true;
      this.readAhead();
    }
    return this.end - this.start >= min;
  }
  /** Moves the bytes read ahead into the read buffer: by swapping the two when the bytes not used yet fit in front of them, else by copying. */
  take(min) {
    const left = this.end - this.start;
    if (left <= this.spareStart && this.spareEnd - this.spareStart + left >= Math.min(min, this.buffer.length - CARRY)) {
      this.spare.set(this.buffer.subarray(this.start, this.end), this.spareStart - left);
      const buffer = this.buffer;
      this.buffer = this.spare;
      this.spare = buffer;
      this.start = this.spareStart - left;
      this.end = this.spareEnd;
    } else {
      if (this.start > 0) {
        this.buffer.copyWithin(0, this.start, this.end);
        this.end -= this.start;
        this.start = 0;
      }
      const n = Math.min(this.spareEnd - this.spareStart, this.buffer.length - this.end);
      this.buffer.set(this.spare.subarray(this.spareStart, this.spareStart + n), this.end);
      this.end += n;
      this.spareStart += n;
      if (this.spareStart < this.spareEnd) return;
    }
    this.spareStart = 0;
    this.spareEnd = 0;
  }
  /** Starts reading the next piece into the read-ahead buffer, unless a read runs, bytes wait there or the file ended. */
  readAhead() {
    if (this.ahead !== null || this.spareEnd > this.spareStart || this.fileEnded || this.aheadError !== null) return;
    const spare = this.spare;
    this.ahead = this.file.read(spare, CARRY, spare.length - CARRY, null).then(
      ({ bytesRead }) => {
        this.ahead = null;
        if (bytesRead === 0) this.fileEnded = true;
        else {
          this.onBytes(spare.subarray(CARRY, CARRY + bytesRead));
          this.spareStart = CARRY;
          this.spareEnd = CARRY + bytesRead;
        }
      },
      (err) => {
        this.ahead = null;
        this.aheadError = err;
      }
    );
  }
};
function parseHeader(block) {
  let sum = 8 * 32;
  for (let i = 0; i < 148; i++) sum += block[i];
  for (let i = 156; i < TAR_BLOCK; i++) sum += block[i];
  const recorded = octalField(block, 148, 8, "checksum");
  if (recorded !== sum) throw new TarFormatError(`a header's checksum is ${recorded}, its bytes sum to ${sum}: the header is damaged`);
  const type = TYPES[block[156]] ?? "unknown";
  let name = text(block, 0, 100);
  if (isUstar(block)) {
    const prefix = text(block, 345, 155);
    if (prefix) name = `${prefix}/${name}`;
  }
  return { name, type, size: sizeField(block), mode: octalField(block, 100, 8, "mode"), linkname: text(block, 157, 100) };
}
function isUstar(block) {
  return block[257] === 117 && block[258] === 115 && block[259] === 116 && block[260] === 97 && block[261] === 114 && block[262] === 0;
}
function text(block, offset, length) {
  const nul = block.indexOf(0, offset);
  return block.toString("utf8", offset, nul === -1 || nul > offset + length ? offset + length : nul);
}
function octalField(block, offset, length, what) {
  let i = offset;
  const stop = offset + length;
  while (i < stop && block[i] === 32) i++;
  let value = 0;
  for (; i < stop; i++) {
    const c = block[i];
    if (c === 0 || c === 32) break;
    if (c < 48 || c > 55) throw new TarFormatError(`a header's ${what} field is not an octal number`);
    value = value * 8 + (c - 48);
  }
  for (; i < stop; i++) if (block[i] !== 0 && block[i] !== 32) throw new TarFormatError(`a header's ${what} field is not an octal number`);
  return value;
}
function sizeField(block) {
  if (block[124] === 128) {
    let value = 0;
    for (let i = 125; i < 136; i++) value = value * 256 + block[i];
    if (!Number.isSafeInteger(value)) throw new TarFormatError("a header's size is beyond what can be read");
    return value;
  }
  if (block[124] & 128) throw new TarFormatError("a header's size field is negative or not a number");
  return octalField(block, 124, 12, "size");
}
function parsePax(bytes) {
  const records = /* @__PURE__ */ new Map();
  for (let at = 0; at < bytes.length; ) {
    const space = bytes.indexOf(32, at);
    const length = space === -1 ? NaN : Number(bytes.toString("latin1", at, space));
    if (!Number.isSafeInteger(length) || length <= space - at + 1 || at + length > bytes.length || bytes[at + length - 1] !== 10) {
      throw new TarFormatError("a PAX record does not parse");
    }
    const record = bytes.toString("utf8", space + 1, at + length - 1);
    const eq = record.indexOf("=");
    const key = eq === -1 ? record : record.slice(0, eq);
    if (eq === -1 || key !== "path" && key !== "linkpath") throw new TarFormatError(`a PAX record ${JSON.stringify(key)}, which a bundle never holds`);
    records.set(key, record.slice(eq + 1));
    at += length;
  }
  return records;
}
function padding(size) {
  const over = size % TAR_BLOCK;
  return over === 0 ? 0 : TAR_BLOCK - over;
}
function isZero(bytes) {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

// src/engine/bundle.ts
var CHUNK_SIZE = 2 * 1024 * 1024;
var READ_BUFFER = 4 * 1024 * 1024;
var SMALL_FILE = 256 * 1024;
var PREFETCH_MIN_FILES = 256;
var PREFETCH_BATCH = 4 * 1024 * 1024;
var PARALLEL_HASH_FROM = 32 * 1024 * 1024;
var CHUNK_BUFFERS = 3;
var SHARED_CHUNK_BUFFERS = 4;
var ARCHIVE_BLOCK = 1024 * 1024;
var EXECUTABLE_MODE = 493;
var REGULAR_MODE = 420;
var NO_FOLLOW = fsConstants2.O_NOFOLLOW ?? 0;
var NON_BLOCKING = fsConstants2.O_NONBLOCK ?? 0;
function modelPath(root) {
  const base = root.endsWith("/") ? root : `${root}/`;
  return path.sep === "/" ? { join: (rel) => base + rel, prefix: base } : { join: (rel) => path.join(root, rel), prefix: null };
}
async function packBundle(modelDir, bundleDir, lineage, options = {}) {
  const root = path.resolve(modelDir);
  const bundle = path.resolve(bundleDir);
  const rootReal = await modelRoot(root);
  const lineageProblems = manifestProblems(placeholderManifest(lineage));
  if (lineageProblems.length > 0) throw new Error(`packBundle: the lineage does not fit the manifest schema: ${lineageProblems.join("; ")}`);
  if (isInside(root, bundle)) throw new InputError([{ message: `the bundle directory ${bundle} is inside the model directory ${root}; put it elsewhere` }]);
  await mkdir(bundle, { recursive: true }).catch(diskFullAs(bundle));
  if (isInside(rootReal, await realpath(bundle))) {
    throw new InputError([{ message: `the bundle directory ${bundle} resolves inside the model directory ${root}; put it elsewhere` }]);
  }
  const early = { prefetch: null };
  let entries;
  try {
    entries = await walkModel(root, rootReal, early);
  } catch (err) {
    await early.prefetch?.close();
    throw err;
  }
  const archivePath = path.join(bundle, BUNDLE_ARCHIVE);
  const tmp = temporaryName(archivePath);
  try {
    const archive = await writeArchive(entries, modelPath(root), tmp, options, early.prefetch);
    const manifest = {
      schemaVersion: MANIFEST_SCHEMA_VERSION,
      digest: bundleDigest(archive.files, archive.links),
      archiveSha256: archive.sha256,
      archiveSize: archive.size,
      files: archive.files,
      links: archive.links,
      lineage
    };
    await rm(path.join(bundle, BUNDLE_MANIFEST), { force: true });
    await rename(tmp, archivePath);
    await replaceManifest(path.join(bundle, BUNDLE_MANIFEST), manifestText(manifest));
    return manifest;
  } catch (err) {
    await rm(tmp, { force: true });
    throw isDiskFull(err) ? new DiskFullError(archivePath, { cause: err }) : err;
  }
}
async function readManifest(bundleDir) {
  const file = path.join(bundleDir, BUNDLE_MANIFEST);
  let text2;
  try {
    text2 = readFileSync(file, "utf8");
  } catch (err) {
    if (errorCode(err) === "ENOENT") throw new IntegrityError(`${file} does not exist: the bundle is incomplete or this is not a bundle directory`);
    throw new IntegrityError(`cannot read ${file}: ${errorMessage(err)}`);
  }
  let data;
  try {
    data = JSON.parse(text2);
  } catch (err) {
    throw new IntegrityError(`${file} is not valid JSON: ${errorMessage(err)}`);
  }
  if (isRecord(data) && typeof data.schemaVersion === "number" && data.schemaVersion !== MANIFEST_SCHEMA_VERSION) {
    throw new IntegrityError(
      `${file} has schemaVersion ${data.schemaVersion}, but this version of retrain-action reads schemaVersion ${MANIFEST_SCHEMA_VERSION}; use the retrain-action version that wrote the bundle, or a newer one`
    );
  }
  const problems = manifestProblems(data);
  if (problems.length > 0) throw new IntegrityError(`${file} is not a valid manifest: ${problems.join("; ")}`);
  return data;
}
function manifestText(manifest) {
  return JSON.stringify(manifest, null, 2) + "\n";
}
async function replaceManifest(file, text2) {
  const tmp = temporaryName(file);
  try {
    await writeFile(tmp, text2, { flag: "wx" });
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw isDiskFull(err) ? new DiskFullError(file, { cause: err }) : err;
  }
}
async function unpackBundle(bundleDir, destDir) {
  const manifest = await readManifest(bundleDir);
  const dest = path.resolve(destDir);
  await createEmptyDestination(dest).catch(diskFullAs(dest));
  try {
    await scanArchive(bundleDir, manifest, dest);
  } catch (err) {
    await rm(dest, { recursive: true, force: true });
    throw err;
  }
  return manifest;
}
async function sha256File(file) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_SIZE })) hash.update(chunk);
  return hash.digest("hex");
}
function bundleDigest(files, links) {
  const canonical = {
    files: sortByPath(files).map((f) => [f.path, f.size, f.sha256, f.mode]),
    links: sortByPath(links).map((l) => [l.path, l.target])
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}
async function modelRoot(root) {
  try {
    const info = await stat(root);
    if (info.isDirectory()) return await realpath(root);
  } catch (err) {
    if (errorCode(err) !== "ENOENT") throw err;
  }
  throw new InputError([{ message: `the model directory ${root} does not exist or is not a directory` }]);
}
async function walkModel(root, rootReal, early) {
  const entries = [];
  let files = 0;
  const directories = [""];
  const { join } = modelPath(root);
  for (let relDir = directories.pop(); relDir !== void 0; relDir = directories.pop()) {
    for (const dirent of readdirSync(relDir === "" ? root : join(relDir), { withFileTypes: true })) {
      const rel = relDir === "" ? dirent.name : `${relDir}/${dirent.name}`;
      const unsafe = unsafePathReason(rel);
      if (unsafe)
        throw new IntegrityError(`refusing to pack ${join(rel)}: its path ${unsafe}, so it could not be unpacked safely; rename it`, MODEL_NOT_PACKABLE);
      if (dirent.name.includes("\uFFFD") && lstatSync(join(rel), { throwIfNoEntry: false }) === void 0) {
        throw new IntegrityError(
          `refusing to pack ${join(rel)}: its name is not UTF-8 (shown here with U+FFFD), so it cannot be stored; rename it`,
          MODEL_NOT_PACKABLE
        );
      }
      if (dirent.isDirectory()) directories.push(rel);
      else if (dirent.isFile()) {
        entries.push({ kind: "file", path: rel });
        if (++files === PREFETCH_MIN_FILES) early.prefetch = new FilePrefetch(null, SMALL_FILE, PREFETCH_BATCH);
      } else if (dirent.isSymbolicLink()) entries.push({ kind: "link", path: rel, target: await insideLinkTarget(root, rootReal, rel, join(rel)) });
      else {
        throw new IntegrityError(
          `refusing to pack ${join(rel)}: it is a ${describeSpecialFile(dirent)}; a bundle holds only regular files, directories and symlinks that stay inside the model directory`,
          MODEL_NOT_PACKABLE
        );
      }
    }
  }
  return sortByPath(entries);
}
async function insideLinkTarget(root, rootReal, rel, abs) {
  const raw = await readlink(abs);
  let resolved;
  try {
    resolved = await realpath(abs);
  } catch {
    throw new IntegrityError(`refusing to pack the symlink ${abs} -> ${raw}: its target does not exist or the links loop`, MODEL_NOT_PACKABLE);
  }
  if (!isInside(rootReal, resolved)) {
    throw new IntegrityError(
      `refusing to pack the symlink ${abs} -> ${raw}: it resolves to ${resolved}, outside the model directory ${root}; copy the target into the model directory instead`,
      MODEL_NOT_PACKABLE
    );
  }
  const target = path.relative(path.join(rootReal, path.dirname(rel)), resolved).split(path.sep).join("/");
  return target === "" ? "." : target;
}
async function writeArchive(entries, model, dest, options, prefetch) {
  let out;
  try {
    out = await open(dest, "wx");
  } catch (err) {
    await prefetch?.close();
    throw err;
  }
  const archive = new ArchiveWriter(out, options);
  const files = [];
  const links = [];
  try {
    if (prefetch !== null) {
      const filePaths = [];
      for (const entry of entries) if (entry.kind === "file") filePaths.push(model.prefix === null ? model.join(entry.path) : entry.path);
      prefetch.begin(filePaths, model.prefix ?? "");
    }
    for (const entry of entries) {
      if (entry.kind === "link") {
        await archive.append(tarHeader({ name: entry.path, type: "symlink", size: 0, mode: 511, linkname: entry.target }));
        links.push({ path: entry.path, target: entry.target });
      } else {
        try {
          const next = prefetch?.take();
          const small = smallFile(model.join, entry.path, next instanceof Promise ? await next : next, archive.scratch);
          if (small === null) files.push(await addLargeFile(archive, entry.path, model.join(entry.path)));
          else {
            const mode = small.mode & 73 ? EXECUTABLE_MODE : REGULAR_MODE;
            const header = tarHeader({ name: entry.path, type: "file", size: small.bytes.length, mode });
            if (!archive.tryAppend(header, small.bytes, paddingLength(small.bytes.length))) {
              await archive.append(header);
              await archive.append(small.bytes);
              await archive.append(tarPadding(small.bytes.length));
            }
            files.push({ path: entry.path, size: small.bytes.length, sha256: small.sha256 ?? sha256Of(small.bytes), mode });
          }
        } catch (err) {
          const code = errorCode(err);
          if (code === "ENOENT" || code === "ENOTDIR" || code === "ELOOP") {
            throw new IntegrityError(
              `${model.join(entry.path)} disappeared or was replaced while it was being packed (${code}); make sure nothing writes to the model directory during packing`
            );
          }
          throw err;
        }
      }
    }
    await archive.append(END_OF_ARCHIVE);
    await archive.end();
    return { files, links, sha256: archive.digest(), size: archive.size };
  } finally {
    await prefetch?.close();
    await archive.settled();
    await out.close();
    await archive.close();
  }
}
var ArchiveWriter = class {
  constructor(file, options) {
    this.file = file;
    this.options = options;
    this.parallelHashFrom = options.parallelHashFrom ?? PARALLEL_HASH_FROM;
  }
  file;
  options;
  hash = createHash("sha256");
  block = Buffer.allocUnsafe(ARCHIVE_BLOCK);
  spare = Buffer.allocUnsafe(ARCHIVE_BLOCK);
  used = 0;
  /** The buffers large files stream through, in turn (made at the first large file). */
  chunks = [];
  /** The memory of the last piece handed to a write (a buffer is not refilled while its write runs). */
  lastWritten = null;
  /** The thread hashing large files, started at the first file of PARALLEL_HASH_FROM bytes. */
  hasher = null;
  parallelHashFrom;
  /** Where a small file the packer reads itself goes (one at a time: its bytes are used before the next is read). */
  scratch = Buffer.allocUnsafe(SMALL_FILE + 1);
  /** The write of the last full block, running while the next one fills. */
  writing = Promise.resolve();
  size = 0;
  /**
   * The thread to hash a large file of `size` bytes on, streamed through chunk() (from
   * PARALLEL_HASH_FROM bytes on; else null: the caller hashes it).
   */
  async fileHasher(size) {
    if (this.hasher === null && size >= this.parallelHashFrom && sharedHasherAvailable) {
      const hasher = new SharedHasher();
      this.hasher = hasher;
      await this.options.onFileHasher?.(hasher);
      this.chunks = Array.from({ length: SHARED_CHUNK_BUFFERS }, () => hasher.buffer(CHUNK_SIZE));
    }
    return size >= this.parallelHashFrom ? this.hasher : null;
  }
  /** The buffer to read a large file's piece `k` into, once its last write and hashing are done. */
  async chunk(k) {
    if (this.chunks.length === 0) this.chunks = Array.from({ length: CHUNK_BUFFERS }, () => Buffer.allocUnsafe(CHUNK_SIZE));
    const buffer = this.chunks[k % this.chunks.length];
    if (buffer.buffer === this.lastWritten) await this.writing;
    await this.hasher?.release(buffer);
    return buffer;
  }
  /** Stops the hashing thread, if any. */
  async close() {
    await this.hasher?.close();
  }
  /** Copies a header, data and `padding` zeros into the block being gathered when they all fit; false (nothing copied) when they do not. */
  tryAppend(header, data, padding2) {
    const end = this.used + header.length + data.length + padding2;
    if (end > ARCHIVE_BLOCK) return false;
    this.block.set(header, this.used);
    this.block.set(data, this.used + header.length);
    this.block.fill(0, end - padding2, end);
    this.used = end;
    return true;
  }
  /**
   * Appends `bytes` (less than a block), taken as they are when called: a header is encoded into one
   * scratch block shared by every pack in the process, which another may reuse while this one waits.
   */
  async append(bytes) {
    if (this.used + bytes.length > ARCHIVE_BLOCK) {
      const copy = Buffer.from(bytes);
      await this.flush();
      bytes = copy;
    }
    this.block.set(bytes, this.used);
    this.used += bytes.length;
  }
  /**
   * Appends a large piece without copying it: its write starts once the writes before it are done,
   * and runs on while the caller reads and hashes the next piece. The caller must leave `bytes`
   * untouched until its next call to this writer resolves.
   */
  async appendLarge(bytes) {
    await this.flush();
    await this.writing;
    this.write(bytes);
  }
  /** Hands the gathered block to a write, once the write before it is done, and swaps in the other block. */
  async flush() {
    await this.writing;
    if (this.used === 0) return;
    this.write(this.block.subarray(0, this.used));
    [this.block, this.spare] = [this.spare, this.block];
    this.used = 0;
  }
  /** Writes what is gathered and waits for every write: a failure of the last one is the archive's. */
  async end() {
    await this.flush();
    await this.writing;
  }
  /** Waits for the last write, whether it succeeds or not (before the file is closed after a failure). */
  async settled() {
    await this.writing.catch(() => {
    });
  }
  digest() {
    return this.hash.digest("hex");
  }
  write(bytes) {
    this.writing = handled(writeAll(this.file, bytes));
    this.lastWritten = bytes.buffer;
    this.hash.update(bytes);
    this.size += bytes.length;
  }
};
function changedWhilePacked(abs) {
  return new IntegrityError(`${abs} changed while it was being packed; make sure nothing writes to the model directory during packing`);
}
function smallFile(join, rel, prefetched, scratch) {
  if (prefetched === void 0 || prefetched.kind === "unread") return readSmallFile(join(rel), scratch);
  if (prefetched.kind === "changed") throw changedWhilePacked(join(rel));
  return prefetched.kind === "small" ? prefetched : null;
}
async function addLargeFile(archive, rel, abs) {
  const changed = () => changedWhilePacked(abs);
  const file = await open(abs, fsConstants2.O_RDONLY | NO_FOLLOW);
  let reading;
  try {
    const info = await file.stat();
    if (!info.isFile()) throw changed();
    const mode = info.mode & 73 ? EXECUTABLE_MODE : REGULAR_MODE;
    await archive.append(tarHeader({ name: rel, type: "file", size: info.size, mode }));
    const hasher = await archive.fileHasher(info.size);
    const hash = hasher === null ? createHash("sha256") : null;
    let read = 0;
    reading = handled(file.read(await archive.chunk(0), 0, CHUNK_SIZE, null));
    for (let k = 0; ; k++) {
      const { bytesRead, buffer } = await reading;
      if (bytesRead === 0) break;
      read += bytesRead;
      if (read > info.size) throw changed();
      reading = handled(file.read(await archive.chunk(k + 1), 0, CHUNK_SIZE, null));
      const bytes = buffer.subarray(0, bytesRead);
      if (hash !== null) hash.update(bytes);
      else hasher.update(bytes);
      await archive.appendLarge(bytes);
    }
    if (read !== info.size) throw changed();
    await archive.append(tarPadding(info.size));
    const sha256 = hash !== null ? hash.digest("hex") : await hashedOnThread(hasher, info.size);
    return { path: rel, size: info.size, sha256, mode };
  } finally {
    await reading?.catch(() => {
    });
    await file.close();
  }
}
async function hashedOnThread(hasher, size) {
  const result = await hasher.digest();
  if (result.size !== size) throw new Error(`the hashing thread hashed ${result.size} bytes of a file of ${size}`);
  return result.sha256;
}
function readSmallFile(abs, scratch) {
  const fd = openSync2(abs, fsConstants2.O_RDONLY | NO_FOLLOW | NON_BLOCKING);
  try {
    const info = fstatSync2(fd);
    if (!info.isFile()) throw changedWhilePacked(abs);
    if (info.size > SMALL_FILE) return null;
    const bytes = scratch;
    let read = 0;
    for (let n = readSync2(fd, bytes, 0, info.size + 1, null); n > 0; n = read === info.size ? 0 : readSync2(fd, bytes, read, info.size + 1 - read, null)) {
      read += n;
      if (read > info.size) throw changedWhilePacked(abs);
    }
    if (read !== info.size) throw changedWhilePacked(abs);
    return { bytes: bytes.subarray(0, read), mode: info.mode };
  } finally {
    closeSync2(fd);
  }
}
var END_OF_ARCHIVE = Buffer.alloc(2 * TAR_BLOCK);
var TYPE_FLAG = { file: 48, symlink: 50, "pax-header": 120 };
function tarHeader(header) {
  const plain = ustarHeader(header);
  if (plain !== null) return plain;
  let records = paxRecord("path", header.name);
  if (header.linkname) records += paxRecord("linkpath", header.linkname);
  const pax = Buffer.from(records);
  const linkname = header.linkname && "PaxHeader";
  const paxHeader = Buffer.from(ustarHeader({ name: "PaxHeader", type: "pax-header", size: pax.length, mode: header.mode, linkname }));
  const entryHeader = ustarHeader({ name: "PaxHeader", type: header.type, size: header.size, mode: header.mode, linkname });
  return Buffer.concat([paxHeader, pax, tarPadding(pax.length), entryHeader]);
}
function ustarHeader({ name, type, size, mode, linkname }) {
  if (!isAscii(name)) return null;
  let prefix = "";
  while (name.length > 100) {
    const slash = name.indexOf("/");
    if (slash === -1) return null;
    prefix += prefix ? `/${name.slice(0, slash)}` : name.slice(0, slash);
    name = name.slice(slash + 1);
  }
  if (prefix.length > 155) return null;
  if (linkname && Buffer.byteLength(linkname) > 100) return null;
  const block = HEADER_SCRATCH;
  block.set(HEADER_TEMPLATE);
  let sum = TEMPLATE_SUM + putAscii(block, 0, name) + writeOctal(block, 100, mode & 4095, 6);
  if (size > MAX_OCTAL_SIZE) {
    block[124] = 128;
    sum += 128;
    for (let i = 11, rest = size; i > 0; i--, rest = Math.floor(rest / 256)) {
      block[124 + i] = rest % 256;
      sum += rest % 256;
    }
  } else {
    sum += writeOctal(block, 124, size, 11);
  }
  block[156] = TYPE_FLAG[type];
  sum += TYPE_FLAG[type];
  if (linkname) {
    const written = block.write(linkname, 157);
    for (let i = 157; i < 157 + written; i++) sum += block[i];
  }
  if (prefix) sum += putAscii(block, 345, prefix);
  writeOctal(block, 148, sum, 6);
  block[155] = 0;
  return block;
}
var MAX_OCTAL_SIZE = 8 ** 11 - 1;
function isAscii(text2) {
  for (let i = 0; i < text2.length; i++) if (text2.charCodeAt(i) > 127) return false;
  return true;
}
function putAscii(block, offset, text2) {
  let sum = 0;
  for (let i = 0; i < text2.length; i++) {
    const c = text2.charCodeAt(i);
    block[offset + i] = c;
    sum += c;
  }
  return sum;
}
function writeOctal(block, offset, value, digits) {
  let sum = 32;
  if (value >= 8 ** digits) {
    block.fill(55, offset, offset + digits);
    sum += 55 * digits;
  } else if (value < 2 ** 31) {
    for (let i = digits - 1, rest = value; i >= 0; i--, rest >>>= 3) {
      block[offset + i] = 48 + (rest & 7);
      sum += 48 + (rest & 7);
    }
  } else {
    for (let i = digits - 1, rest = value; i >= 0; i--, rest = Math.floor(rest / 8)) {
      block[offset + i] = 48 + rest % 8;
      sum += 48 + rest % 8;
    }
  }
  block[offset + digits] = 32;
  return sum;
}
var HEADER_TEMPLATE = (() => {
  const block = Buffer.alloc(TAR_BLOCK);
  for (const offset of [108, 116, 329, 337]) block.write(octal(0, 6), offset);
  block.write(octal(0, 11), 136);
  block.fill(32, 148, 156);
  block.write("ustar\x0000", 257, "latin1");
  return block;
})();
var TEMPLATE_SUM = HEADER_TEMPLATE.reduce((sum, byte) => sum + byte, 0);
function octal(value, digits) {
  const text2 = value.toString(8);
  return text2.length > digits ? `${"7".repeat(digits)} ` : `${text2.padStart(digits, "0")} `;
}
function paxRecord(key, value) {
  const body = ` ${key}=${value}
`;
  const length = Buffer.byteLength(body);
  let digits = String(length).length;
  if (length + digits >= 10 ** digits) digits++;
  return `${length + digits}${body}`;
}
var ZERO_BLOCK = Buffer.alloc(TAR_BLOCK);
var HEADER_SCRATCH = Buffer.alloc(TAR_BLOCK);
function sha256Of(bytes) {
  return oneShotHash ? oneShotHash("sha256", bytes, "hex") : createHash("sha256").update(bytes).digest("hex");
}
var oneShotHash = crypto.hash;
function tarPadding(size) {
  return ZERO_BLOCK.subarray(0, paddingLength(size));
}
function paddingLength(size) {
  const over = size % TAR_BLOCK;
  return over === 0 ? 0 : TAR_BLOCK - over;
}
async function scanArchive(bundleDir, manifest, dest) {
  const archive = path.join(bundleDir, BUNDLE_ARCHIVE);
  let archiveInfo;
  try {
    archiveInfo = await stat(archive);
  } catch (err) {
    if (errorCode(err) === "ENOENT") throw new IntegrityError(`${archive} does not exist: the bundle is incomplete`);
    throw err;
  }
  if (archiveInfo.size !== manifest.archiveSize) {
    throw new IntegrityError(`${archive} is ${archiveInfo.size} bytes, but the manifest says ${manifest.archiveSize}: the archive was truncated or replaced`);
  }
  const madeDirs = /* @__PURE__ */ new Set();
  let archiveSize = 0;
  const input = await open(archive, "r");
  let hasher = null;
  let hashHere;
  const reader = new TarReader(input, (bytes) => void (archiveSize += bytes.length), READ_BUFFER);
  let current = null;
  let entriesRead = 0;
  let fileIndex = 0;
  let linkIndex = 0;
  let inOrderBytes = 0;
  const missing = [];
  const checkData = async (expected, at, hashed) => {
    const output = dest === null || hashed !== void 0 ? null : await createOutputFile(dest, expected.path, expected.mode, madeDirs);
    let actual;
    if (hashed !== void 0) actual = hashed;
    else if (output === null && reader.holds(expected.size)) actual = sha256Of(reader.whole(expected.size));
    else {
      const progress = { name: expected.path, expected: expected.size, read: 0 };
      current = progress;
      actual = await consumeFile(reader, expected.size, output, (n) => progress.read += n);
      current = null;
    }
    if (actual !== expected.sha256) {
      throw new IntegrityError(`${at()}: sha256 is ${actual}, the manifest says ${expected.sha256}; the bundle was corrupted or tampered with`);
    }
  };
  try {
    for (; ; ) {
      const file = manifest.files[fileIndex];
      const link = manifest.links[linkIndex];
      if (file === void 0 && link === void 0) break;
      let matched = null;
      if (file !== void 0) {
        const fields = { name: file.path, type: "file", size: file.size, mode: file.mode };
        const header = tarHeader(fields);
        const match = reader.matchHeader(header, file.size) ?? (await reader.ensure(header.length) && reader.matchHeader(tarHeader(fields), file.size));
        if (match) {
          matched = "file";
          inOrderBytes += header.length + file.size + paddingLength(file.size);
        }
      }
      if (matched === null && link !== void 0) {
        const fields = { name: link.path, type: "symlink", size: 0, mode: 511, linkname: link.target };
        const header = tarHeader(fields);
        const match = reader.matchHeader(header, 0) ?? (await reader.ensure(header.length) && reader.matchHeader(tarHeader(fields), 0));
        if (match) {
          matched = "link";
          inOrderBytes += header.length;
        }
      }
      if (matched === null) break;
      if (matched === "file") {
        fileIndex++;
        if (dest === null && reader.holds(file.size)) {
          const actual = sha256Of(reader.whole(file.size));
          if (actual !== file.sha256) await checkData(file, () => `${archive}: entry ${JSON.stringify(file.path)}`, actual);
        } else await checkData(file, () => `${archive}: entry ${JSON.stringify(file.path)}`);
      } else linkIndex++;
      entriesRead++;
    }
    const inOrder = fileIndex === manifest.files.length && linkIndex === manifest.links.length && manifest.archiveSize === inOrderBytes + END_OF_ARCHIVE.length && await reader.zeroPadding();
    if (!inOrder && manifest.archiveSize >= PARALLEL_HASH_FROM) {
      hasher = new FileHasher(archive);
      hasher.extend(manifest.archiveSize);
    }
    hashHere = !inOrder && hasher === null;
    const files = new Map(manifest.files.slice(fileIndex).map((f) => [f.path, f]));
    const links = new Map(manifest.links.slice(linkIndex).map((l) => [l.path, l]));
    let seen = null;
    for (let entry = await reader.next(); entry !== null; entry = reader.nextBuffered() ?? await reader.next()) {
      seen ??= /* @__PURE__ */ new Set([...manifest.files.slice(0, fileIndex).map((f) => f.path), ...manifest.links.slice(0, linkIndex).map((l) => l.path)]);
      const name = entry.name;
      const at = () => `${archive}: entry ${JSON.stringify(name)}`;
      const listedFile = files.get(name);
      const unsafe = listedFile !== void 0 || links.has(name) ? null : unsafePathReason(name);
      if (unsafe) throw new IntegrityError(`${at()}: unsafe path: it ${unsafe}; refusing the bundle`);
      if (seen.has(name)) throw new IntegrityError(`${at()} appears twice in the archive`);
      seen.add(name);
      if (entry.type === "file") {
        const expected = listedFile;
        if (!expected)
          throw new IntegrityError(`${at()} is not listed in the manifest as a file${links.has(name) ? " (the manifest lists it as a symlink)" : ""}`);
        if (entry.size !== expected.size) {
          throw new IntegrityError(
            `${at()}: its tar header declares ${entry.size} bytes, the manifest says ${expected.size}; the bundle is damaged or tampered with, so it is not used`
          );
        }
        const mode = entry.mode & 4095;
        if (mode !== expected.mode) throw new IntegrityError(`${at()}: mode is 0o${mode.toString(8)}, the manifest says 0o${expected.mode.toString(8)}`);
        await checkData(expected, at);
      } else if (entry.type === "symlink") {
        const expected = links.get(name);
        if (!expected)
          throw new IntegrityError(`${at()} is not listed in the manifest as a symlink${files.has(name) ? " (the manifest lists it as a file)" : ""}`);
        if (entry.linkname !== expected.target) {
          throw new IntegrityError(`${at()}: the symlink points to ${JSON.stringify(entry.linkname)}, the manifest says ${JSON.stringify(expected.target)}`);
        }
        if (entry.size) throw new IntegrityError(`${at()}: a symlink entry carries ${entry.size} bytes of data`);
      } else {
        throw new IntegrityError(`${at()} is a ${describeEntryType(entry.type)}, which a bundle never holds; refusing the bundle`);
      }
      entriesRead++;
    }
    for (const p of [...files.keys(), ...links.keys()]) if (!seen?.has(p)) missing.push(p);
  } catch (err) {
    await hasher?.close();
    throw scanFailure(err, archive, current, entriesRead, manifest, dest);
  } finally {
    await reader.settle();
    await input.close();
  }
  const archiveSha256 = hasher !== null ? await archiveDigestOf(hasher, archive, manifest.archiveSize) : hashHere ? await sha256File(archive) : manifest.archiveSha256;
  if (missing.length > 0) {
    throw new IntegrityError(`${archive} lacks ${missing.length} entr${missing.length === 1 ? "y" : "ies"} the manifest lists: ${preview(missing)}`);
  }
  if (archiveSize !== manifest.archiveSize) {
    throw new IntegrityError(`${archive}: read ${archiveSize} bytes, the manifest says ${manifest.archiveSize}: the archive changed while it was read`);
  }
  if (archiveSha256 !== manifest.archiveSha256) {
    throw new IntegrityError(`${archive}: sha256 is ${archiveSha256}, the manifest says ${manifest.archiveSha256}; the archive was corrupted or tampered with`);
  }
  const digest = bundleDigest(manifest.files, manifest.links);
  if (digest !== manifest.digest) {
    throw new IntegrityError(
      `${path.join(bundleDir, BUNDLE_MANIFEST)}: digest is ${manifest.digest}, but its file list hashes to ${digest}; the manifest was edited`
    );
  }
  if (dest !== null) {
    for (const link of manifest.links) {
      const abs = path.join(dest, ...link.path.split("/"));
      await ensureDirectory(path.dirname(abs), madeDirs).catch(diskFullAs(abs));
      await symlink(link.target, abs).catch(diskFullAs(abs));
    }
  }
}
async function archiveDigestOf(hasher, archive, size) {
  try {
    const result = await hasher.finish(size);
    if (result.size !== size) throw new Error(`read ${result.size} bytes`);
    return result.sha256;
  } catch (err) {
    if (isSystemError(err)) throw err;
    throw new IntegrityError(`${archive}: ${errorMessage(err)} while hashing it, the manifest says ${size}: the archive changed while it was read`);
  } finally {
    await hasher.close();
  }
}
async function consumeFile(reader, size, output, onBytes) {
  try {
    if (output === null && (reader.holds(size) || await reader.buffered(size))) {
      const bytes = reader.whole(size);
      onBytes(bytes.length);
      return sha256Of(bytes);
    }
    const hash = createHash("sha256");
    await reader.data(size, async (bytes) => {
      onBytes(bytes.length);
      const written = output === null ? null : writeAll(output, bytes);
      hash.update(bytes);
      await written;
    });
    return hash.digest("hex");
  } finally {
    await output?.close();
  }
}
async function writeAll(file, bytes) {
  for (let offset = 0; offset < bytes.length; ) {
    const { bytesWritten } = await file.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}
async function createOutputFile(dest, rel, mode, madeDirs) {
  const abs = path.join(dest, ...rel.split("/"));
  await ensureDirectory(path.dirname(abs), madeDirs);
  const file = await open(abs, fsConstants2.O_WRONLY | fsConstants2.O_CREAT | fsConstants2.O_EXCL | NO_FOLLOW, mode);
  await file.chmod(mode);
  return file;
}
async function ensureDirectory(dir, madeDirs) {
  if (madeDirs.has(dir)) return;
  await mkdir(dir, { recursive: true });
  madeDirs.add(dir);
}
async function createEmptyDestination(dest) {
  let names = null;
  try {
    names = await readdir(dest);
  } catch (err) {
    const code = errorCode(err);
    if (code === "ENOTDIR") throw new IntegrityError(`refusing to unpack into ${dest}: it exists and is not a directory`, "unsafe-destination");
    if (code !== "ENOENT") throw err;
  }
  if (names !== null && names.length > 0) {
    throw new IntegrityError(`refusing to unpack into ${dest}: it is not empty (${preview(names)}); unpack into a new or empty directory`, "unsafe-destination");
  }
  await mkdir(dest, { recursive: true });
}
function scanFailure(err, archive, current, entriesRead, manifest, dest) {
  if (err instanceof IntegrityError || err instanceof DiskFullError) return err;
  if (isDiskFull(err)) return new DiskFullError(dest ?? archive, { cause: err });
  if (isSystemError(err)) return err;
  const total = manifest.files.length + manifest.links.length;
  const why = errorMessage(err);
  if (current !== null && current.read < current.expected) {
    return new IntegrityError(
      `${archive}: the archive breaks off inside entry ${JSON.stringify(current.name)}: the manifest says it holds ${current.expected} bytes, but it ends after ${current.read} were read (${why}); the bundle is truncated or damaged, so it is not used`,
      "truncated-bundle"
    );
  }
  return new IntegrityError(
    `${archive} is not a readable bundle archive: ${why}, after ${entriesRead} of the ${total} entries the manifest lists; the bundle is truncated or damaged, so it is not used`,
    "truncated-bundle"
  );
}
function isSystemError(err) {
  return isRecord(err) && typeof err.syscall === "string";
}
function diskFullAs(where) {
  return (err) => {
    throw isDiskFull(err) ? new DiskFullError(where, { cause: err }) : err;
  };
}
function manifestProblems(data) {
  const validate = manifest_validator_default;
  const plainLists = isRecord(data) && Array.isArray(data.files) && Array.isArray(data.links) && data.files.every(isPlainFile) && data.links.every(isPlainLink);
  if (!validate(plainLists ? { ...data, files: [], links: [] } : data)) return (validate.errors ?? []).slice(0, 10).map(describeSchemaError);
  const manifest = data;
  const problems = [];
  const kinds = /* @__PURE__ */ new Map();
  const add = (kind, p) => {
    const unsafe = unsafePathReason(p);
    if (unsafe) problems.push(`${kind} ${JSON.stringify(p)}: the path ${unsafe}`);
    if (kinds.has(p)) problems.push(`${JSON.stringify(p)} is listed more than once`);
    kinds.set(p, kind);
  };
  for (const file of manifest.files) add("file", file.path);
  for (const link of manifest.links) add("symlink", link.path);
  let lastDirectory = "";
  for (const p of kinds.keys()) {
    const lastSlash = p.lastIndexOf("/");
    if (lastSlash === -1 || lastSlash === lastDirectory.length && p.startsWith(lastDirectory)) continue;
    lastDirectory = p.slice(0, lastSlash);
    for (let slash = p.indexOf("/"); slash !== -1; slash = p.indexOf("/", slash + 1)) {
      const ancestor = kinds.get(p.slice(0, slash));
      if (ancestor) problems.push(`${JSON.stringify(p)} lies under ${JSON.stringify(p.slice(0, slash))}, which is a ${ancestor}`);
    }
  }
  for (const link of manifest.links) {
    const bad = linkTargetProblem(link.path, link.target);
    if (bad) problems.push(`symlink ${JSON.stringify(link.path)} -> ${JSON.stringify(link.target)}: the target ${bad}`);
  }
  return problems.slice(0, 10);
}
var MANIFEST_PATTERNS = {
  // The schema's patterns refuse NUL characters.
  // eslint-disable-next-line no-control-regex
  relativePath: /^(?![A-Za-z]:)(?!\/)(?![\s\S]*\/\/)(?![\s\S]*\/$)(?!(?:[\s\S]*\/)?\.\.?(?:\/|$))[^\\\u0000]+$/u,
  sha256: /^[0-9a-f]{64}$/u,
  // eslint-disable-next-line no-control-regex
  linkTarget: /^(?![A-Za-z]:)(?!\/)[^\\\u0000]+$/u
};
function isPlainFile(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const file = value;
  let keys = 0;
  for (const key in file) {
    if (key !== "path" && key !== "size" && key !== "sha256" && key !== "mode") return false;
    keys++;
  }
  return keys === 4 && typeof file.path === "string" && (isPlainPath(file.path) || MANIFEST_PATTERNS.relativePath.test(file.path)) && typeof file.size === "number" && Number.isInteger(file.size) && file.size >= 0 && typeof file.sha256 === "string" && MANIFEST_PATTERNS.sha256.test(file.sha256) && (file.mode === 420 || file.mode === 493);
}
function isPlainLink(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const link = value;
  let keys = 0;
  for (const key in link) {
    if (key !== "path" && key !== "target") return false;
    keys++;
  }
  return keys === 2 && typeof link.path === "string" && MANIFEST_PATTERNS.relativePath.test(link.path) && typeof link.target === "string" && MANIFEST_PATTERNS.linkTarget.test(link.target);
}
function describeSchemaError(err) {
  const where = err.instancePath || "(top level)";
  if (err.keyword === "additionalProperties") return `${where}: unknown property ${JSON.stringify(err.params.additionalProperty)}`;
  if (err.keyword === "pattern" || err.keyword === "enum" || err.keyword === "const") {
    const description = isRecord(err.parentSchema) && typeof err.parentSchema.description === "string" ? ` (${err.parentSchema.description})` : "";
    return `${where}: ${JSON.stringify(err.data)} is not allowed${description}`;
  }
  return `${where}: ${err.message ?? err.keyword}`;
}
function placeholderManifest(lineage) {
  const zero = "0".repeat(64);
  const manifest = { schemaVersion: MANIFEST_SCHEMA_VERSION, digest: zero, archiveSha256: zero, archiveSize: 0, files: [], links: [], lineage };
  return JSON.parse(JSON.stringify(manifest));
}
function unsafePathReason(p) {
  if (isPlainPath(p) || PLAIN_PATH.test(p)) return null;
  if (p === "") return "is empty";
  if (p.includes("\0")) return "contains a NUL character";
  if (p.includes("\\")) return "contains a backslash";
  if (p.startsWith("/")) return "is absolute";
  if (/^[A-Za-z]:/.test(p)) return "starts with a drive letter";
  for (const segment of p.split("/")) {
    if (segment === "") return "has an empty segment (a doubled or trailing slash)";
    if (segment === ".") return "has a '.' segment";
    if (segment === "..") return "has a '..' segment";
  }
  return null;
}
var PLAIN_PATH = /^(?!\.\.?(?:\/|$))(?!.*\/\.\.?(?:\/|$))(?!.*\/\/)(?!.*\/$)[^\\\0:/][^\\\0:]*$/s;
function linkTargetProblem(linkPath, target) {
  if (target === ".") return null;
  if (target === "") return "is empty";
  if (target.includes("\0")) return "contains a NUL character";
  if (target.includes("\\")) return "contains a backslash";
  if (target.startsWith("/") || /^[A-Za-z]:/.test(target)) return "is absolute";
  const segments = target.split("/");
  let ups = 0;
  while (ups < segments.length && segments[ups] === "..") ups++;
  if (ups > linkPath.split("/").length - 1) return "escapes the bundle";
  for (const segment of segments.slice(ups)) {
    if (segment === "" || segment === "." || segment === "..") return "is not a normalized path (only leading '..' segments are allowed)";
  }
  return null;
}
function isInside(root, candidate) {
  const rel = path.relative(root, candidate);
  return rel === "" || rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
function sortByPath(items) {
  if (!items.some((item) => SURROGATE.test(item.path))) {
    let sorted = true;
    for (let i = 1; i < items.length && sorted; i++) sorted = items[i - 1].path < items[i].path;
    return sorted ? [...items] : [...items].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  }
  return items.map((item) => ({ item, key: Buffer.from(item.path, "utf8") })).sort((a, b) => Buffer.compare(a.key, b.key)).map(({ item }) => item);
}
var SURROGATE = /[\uD800-\uDFFF]/;
function temporaryName(file) {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}
function handled(promise) {
  promise.catch(() => {
  });
  return promise;
}
function describeSpecialFile(dirent) {
  if (dirent.isFIFO()) return "named pipe";
  if (dirent.isSocket()) return "socket";
  if (dirent.isCharacterDevice()) return "character device";
  if (dirent.isBlockDevice()) return "block device";
  return "special file";
}
function describeEntryType(type) {
  switch (type) {
    case "link":
      return "hard link";
    case "character-device":
    case "block-device":
      return `device (${type})`;
    case "fifo":
      return "named pipe";
    case "directory":
      return "directory entry";
    default:
      return type === "unknown" ? "entry of an unknown type" : `${type} entry`;
  }
}
function preview(items) {
  const shown = items.slice(0, 5).map((p) => JSON.stringify(p)).join(", ");
  return items.length > 5 ? `${shown} and ${items.length - 5} more` : shown;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function errorCode(err) {
  return isRecord(err) && typeof err.code === "string" ? err.code : void 0;
}
function errorMessage(err) {
  return err instanceof Error ? err.message : String(err);
}

export {
  packBundle,
  readManifest,
  unpackBundle,
  sha256File
};
