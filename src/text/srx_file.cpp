#include "text/srx_file.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <cstring>
#include <map>
#include <memory>

namespace sverka::text {
namespace {

bool Is(const xmlNode* node, const char* local_name) {
  return node->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(node->name), local_name) == 0;
}

std::string Attr(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string out = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return out;
}

std::string Content(const xmlNode* node) {
  xmlChar* value = xmlNodeGetContent(node);
  std::string out = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return out;
}

const xmlNode* Child(const xmlNode* node, const char* local_name) {
  for (const xmlNode* c = node ? node->children : nullptr; c; c = c->next) {
    if (Is(c, local_name)) return c;
  }
  return nullptr;
}

std::string Where(std::string_view name, const xmlNode* node) {
  return std::string(name) + ":" + std::to_string(xmlGetLineNo(node));
}

}  // namespace

Result<SrxRules> ParseSrx(std::string_view name, std::string_view xml, std::string_view lang) {
  const std::string file(name);
  if (xml.size() > kMaxSrxBytes) return Status::InvalidData(file + ": too large for an SRX file");
  std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxtPtr)> ctxt(xmlNewParserCtxt(),
                                                                  xmlFreeParserCtxt);
  if (!ctxt) return Status::Internal("libxml2: out of memory");
  // NONET: never fetch. No NOENT/DTDLOAD: entities are not expanded from outside.
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
      xmlFreeDoc);
  if (!doc) {
    const xmlError* err = xmlCtxtGetLastError(ctxt.get());
    std::string message = err && err->message ? err->message : "unknown error";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    return Status::InvalidData(file + ":" + std::to_string(err ? err->line : 0) +
                            ": not well-formed XML: " + message);
  }
  // Entities are never expanded (no NOENT), so a rule written with one would
  // silently lose its text and cut everywhere: refuse the file instead.
  if (const xmlDtd* dtd = doc->intSubset; dtd != nullptr && dtd->entities != nullptr) {
    return Status::InvalidData(file +
                            ": the DOCTYPE declares entities; sverka reads no DTD (write the "
                            "rules' text out)");
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || !Is(root, "srx")) {
    return Status::InvalidData(file + ": not an SRX file (root element '" +
                            (root ? reinterpret_cast<const char*>(root->name) : "") +
                            "', not 'srx')");
  }
  const xmlNode* header = Child(root, "header");
  // As OmegaT, Okapi and LanguageTool read SRX: every matching map's rules
  // apply unless the header says cascade="no" (OmegaT's own default rules
  // have an empty header and rely on it).
  const bool cascade = !(header && Attr(header, "cascade") == "no");
  const xmlNode* body = Child(root, "body");
  std::map<std::string, const xmlNode*> language_rules;
  for (const xmlNode* r = Child(Child(body, "languagerules"), "languagerule"); r; r = r->next) {
    if (Is(r, "languagerule")) language_rules[Attr(r, "languagerulename")] = r;
  }
  SrxRules out;
  out.file = file;
  bool matched = false;
  for (const xmlNode* m = Child(Child(body, "maprules"), "languagemap"); m; m = m->next) {
    if (!Is(m, "languagemap")) continue;
    const std::string pattern = Attr(m, "languagepattern");
    UErrorCode status = U_ZERO_ERROR;
    // Language codes match whatever their case ("RU.*" matches "ru", as in
    // OmegaT).
    std::unique_ptr<icu::RegexPattern> re(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), UREGEX_CASE_INSENSITIVE, status));
    if (U_FAILURE(status)) {
      return Status::InvalidData(Where(name, m) + ": bad languagepattern '" + pattern + "'");
    }
    const icu::UnicodeString code = icu::UnicodeString::fromUTF8(
        icu::StringPiece(lang.data(), static_cast<int32_t>(lang.size())));
    std::unique_ptr<icu::RegexMatcher> matcher(re->matcher(code, status));
    if (U_FAILURE(status) || !matcher->matches(status)) continue;
    const std::string rule_name = Attr(m, "languagerulename");
    const auto it = language_rules.find(rule_name);
    if (it == language_rules.end()) {
      return Status::InvalidData(Where(name, m) + ": languagemap names a missing languagerule '" +
                              rule_name + "'");
    }
    for (const xmlNode* r = it->second->children; r; r = r->next) {
      if (!Is(r, "rule")) continue;
      const xmlNode* before = Child(r, "beforebreak");
      const xmlNode* after = Child(r, "afterbreak");
      if (!before && !after) {
        return Status::InvalidData(Where(name, r) + ": rule without <beforebreak> or <afterbreak>");
      }
      out.rules.push_back({Attr(r, "break") != "no", before ? Content(before) : "",
                           after ? Content(after) : "", static_cast<int>(xmlGetLineNo(r))});
    }
    matched = true;
    if (!cascade) break;
  }
  if (!matched) {
    return Status::InvalidData(file + ": no language rules for '" + std::string(lang) + "'");
  }
  return out;
}

}  // namespace sverka::text
