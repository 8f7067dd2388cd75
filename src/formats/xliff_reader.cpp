#include "formats/xliff_reader.h"

#include <libxml/xmlreader.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "common/utf8.h"
#include "formats/tmx_reader.h"
#include "formats/xml_error.h"
#include "formats/xml_unit_reader.h"

namespace sverka::formats {
namespace {

constexpr std::string_view kNamespacePrefix = "urn:oasis:names:tc:xliff:document:";

// An attribute's value as messages quote it: at most 40 characters.
std::string Quote(std::string_view value) { return Shorten(value, 40); }

void IgnoreError(void*, xmlErrorPtr) {}

// 1 for "1.0"–"1.2", 2 for "2.0"–"2.2", 0 for anything else.
int MajorOf(std::string_view version) {
  if (version == "1.0" || version == "1.1" || version == "1.2") return 1;
  if (version == "2.0" || version == "2.1" || version == "2.2") return 2;
  return 0;
}

// 1.2's inline elements that hold a native code (dropped with their content
// unless kept); 2.x's codes are empty elements and need no rule.
bool IsNativeCode(std::string_view name) {
  return name == "bpt" || name == "ept" || name == "ph" || name == "it";
}

// 1.2 target states that say the translation is not done (XLIFF 1.2, "state").
bool IsUnfinishedState(std::string_view state) {
  return state == "new" || state.rfind("needs-", 0) == 0;
}

// A text being read: <source>, <target> or 1.2's <seg-source>, with the
// <mrk mtype="seg"> segments in it.
enum class Capture { kNone, kSource, kTarget, kSegSource };
using Segments = std::vector<std::pair<std::string, std::string>>;  // mid, text

class XliffParser : private XmlUnitReader {
 public:
  XliffParser(const std::string& path, const XliffReadOptions& options,
              const std::function<Status(const XliffEntry&)>& fn)
      : XmlUnitReader(path, {.format = "XLIFF", .root = "xliff", .max_segment_bytes = kMaxSegmentBytes}),
        path_(path),
        options_(options),
        fn_(fn) {}

  Result<XliffReadSummary> Run() {
    SVERKA_RETURN_IF_ERROR(Open());
    int rc;
    while ((rc = Read()) == 1) {
      SVERKA_RETURN_IF_ERROR(Node());
    }
    if (rc < 0 || HasXmlError()) return XmlError(seen_root_, closed_root_);
    if (!seen_root_) return Fail(Line(), "not an XLIFF file (no root element)");  // defensive
    return summary_;
  }

 private:
  // A failure inside a unit names its id too.
  Status FailInUnit(size_t line, const std::string& what) {
    return Fail(line, unit_id_.empty() ? what : "unit '" + Quote(unit_id_) + "': " + what);
  }

  std::string Namespace() { return XmlStr(xmlTextReaderConstNamespaceUri(reader())); }

  Status Node() {
    const int type = xmlTextReaderNodeType(reader());
    const int depth = xmlTextReaderDepth(reader());
    if (type == XML_READER_TYPE_DOCUMENT_TYPE) return Doctype("an XLIFF");
    if (type == XML_READER_TYPE_ENTITY_REFERENCE) {
      return Fail(NodeLine(),
                  "reference to the undeclared entity '&" + Name() + ";' (sverka reads no DTD)");
    }
    if (capture_ != Capture::kNone) return TextNode(type, depth);
    if (type == XML_READER_TYPE_END_ELEMENT) return EndElement(depth);
    if (type != XML_READER_TYPE_ELEMENT) return Status::Ok();
    const std::string name = Name();
    const bool empty = xmlTextReaderIsEmptyElement(reader()) == 1;
    if (!seen_root_) return Root(name);
    // Elements of other namespaces (extensions, 2.x modules) hold no pair;
    // the core <source>/<target> inside a module's element are below a
    // depth this reader takes them at.
    if (Namespace() != namespace_) return Status::Ok();
    if (name == "file" || name == "group") {
      if (name == "file" && major_ == 1) SVERKA_RETURN_IF_ERROR(File1());
      if (!empty && no_translate_depth_ < 0 && Attribute("translate") == "no") {
        no_translate_depth_ = depth;
      }
      return Status::Ok();
    }
    if (name == (major_ == 1 ? "trans-unit" : "unit") && unit_depth_ < 0) {
      return StartUnit(depth, empty);
    }
    if (unit_depth_ < 0 || skip_unit_) return Status::Ok();
    if (major_ == 1 && depth == unit_depth_ + 1) {
      if (name == "source") return StartCapture(Capture::kSource, depth, empty);
      if (name == "seg-source") return StartCapture(Capture::kSegSource, depth, empty);
      if (name == "target") {
        has_target_ = true;
        target_state_ = Attribute("state");
        return StartCapture(Capture::kTarget, depth, empty);
      }
    } else if (major_ == 2 && name == "segment" && depth == unit_depth_ + 1) {
      segment_depth_ = depth;
      segment_line_ = NodeLine();
      segment_state_ = Attribute("state");
      ClearTexts();
      if (empty) return EndSegment2();
    } else if (major_ == 2 && segment_depth_ >= 0 && depth == segment_depth_ + 1) {
      if (name == "source") return StartCapture(Capture::kSource, depth, empty);
      if (name == "target") {
        has_target_ = true;
        return StartCapture(Capture::kTarget, depth, empty);
      }
    }
    return Status::Ok();
  }

  Status EndElement(int depth) {
    if (depth == 0) closed_root_ = true;
    if (depth == no_translate_depth_) no_translate_depth_ = -1;
    if (major_ == 2 && depth == segment_depth_) {
      segment_depth_ = -1;
      return EndSegment2();
    }
    if (depth == unit_depth_) return EndUnit();
    return Status::Ok();
  }

  Status Root(const std::string& name) {
    seen_root_ = true;
    const size_t line = NodeLine();
    if (name != "xliff") {
      return Fail(line, "not an XLIFF file (the root element is <" + name + ">, not <xliff>)");
    }
    namespace_ = Namespace();
    const std::string version = Attribute("version");
    int ns_major = 0;
    if (namespace_.rfind(kNamespacePrefix, 0) == 0) {
      ns_major = MajorOf(std::string_view(namespace_).substr(kNamespacePrefix.size()));
    }
    if (!namespace_.empty() && ns_major == 0) {
      return Fail(line, "<xliff> in the namespace '" + Quote(namespace_) +
                            "', not XLIFF's (urn:oasis:names:tc:xliff:document:1.2 or :2.0)");
    }
    major_ = MajorOf(version);
    if (!version.empty() && major_ == 0) {
      return Fail(line, "XLIFF version '" + Quote(version) + "' is not read (1.0 to 1.2, 2.0 to 2.2)");
    }
    if (major_ == 0 && ns_major == 0) {
      return Fail(line, "<xliff> without a version or namespace; not XLIFF 1.x or 2.x");
    }
    if (major_ != 0 && ns_major != 0 && major_ != ns_major) {
      return Fail(line, "<xliff version=\"" + Quote(version) + "\"> in the namespace of XLIFF " +
                            std::to_string(ns_major) + ".x (" + namespace_ + ")");
    }
    if (major_ == 0) major_ = ns_major;
    summary_.version =
        !version.empty() ? version : namespace_.substr(kNamespacePrefix.size());
    if (major_ == 2) {
      return Languages(Attribute("srcLang"), Attribute("trgLang"), "<xliff>", "srcLang",
                       "trgLang", line);
    }
    return Status::Ok();
  }

  Status File1() {
    return Languages(Attribute("source-language"), Attribute("target-language"), "<file>",
                     "source-language", "target-language", NodeLine());
  }

  // Decides which side <source> is for the units that follow.
  Status Languages(const std::string& source, const std::string& target, const char* where,
                   const char* source_attribute, const char* target_attribute, size_t line) {
    languages_set_ = true;
    if (!options_.source_side.empty()) {
      languages_ok_ = true;
      source_is_ru_ = options_.source_side == "ru";
      return Status::Ok();
    }
    if (source.empty() || target.empty()) {
      return Fail(line, std::string(where) + " has no " +
                            (source.empty() ? source_attribute : target_attribute) +
                            "; say which side its <source> is with --xliff-source ru or en");
    }
    languages_ok_ = true;
    if (LanguageMatches(source, options_.ru_lang) && LanguageMatches(target, options_.en_lang)) {
      source_is_ru_ = true;
    } else if (LanguageMatches(source, options_.en_lang) &&
               LanguageMatches(target, options_.ru_lang)) {
      source_is_ru_ = false;
    } else {
      languages_ok_ = false;
      if (summary_.other_languages_pair.empty()) {
        summary_.other_languages_line = line;
        summary_.other_languages_pair = Quote(source) + " → " + Quote(target);
      }
    }
    return Status::Ok();
  }

  Status StartUnit(int depth, bool empty) {
    unit_depth_ = depth;
    unit_line_ = NodeLine();
    unit_id_ = Attribute("id");
    if (!languages_set_) {
      return FailInUnit(unit_line_, "<trans-unit> outside a <file> (no languages for it)");
    }
    ++summary_.units;
    skip_unit_ = false;
    if (no_translate_depth_ >= 0 || Attribute("translate") == "no") {
      ++summary_.not_translatable;
      skip_unit_ = true;
    } else if (major_ == 1 && Attribute("restype") == "x-gettext-domain-header") {
      // translate-toolkit's po2xliff writes the PO header as a unit: not a translation.
      --summary_.units;
      skip_unit_ = true;
    } else if (!languages_ok_) {
      ++summary_.other_languages;
      skip_unit_ = true;
    }
    ClearTexts();
    if (empty) return EndUnit();
    return Status::Ok();
  }

  void ClearTexts() {
    source_.clear();
    target_.clear();
    target_state_.clear();
    has_target_ = false;
    source_segments_.clear();
    target_segments_.clear();
  }

  Status StartCapture(Capture what, int depth, bool empty) {
    if (empty) return Status::Ok();
    capture_ = what;
    capture_depth_ = depth;
    capture_line_ = NodeLine();
    skip_depth_ = seg_mrk_depth_ = -1;
    return Status::Ok();
  }

  std::string& Buffer() { return capture_ == Capture::kTarget ? target_ : source_; }
  Segments& CaptureSegments() {
    return capture_ == Capture::kTarget ? target_segments_ : source_segments_;
  }

  Status TextNode(int type, int depth) {
    if (type == XML_READER_TYPE_END_ELEMENT && depth == capture_depth_) {
      capture_ = Capture::kNone;
      return Status::Ok();
    }
    if (skip_depth_ >= 0) {
      if (type == XML_READER_TYPE_END_ELEMENT && depth == skip_depth_) skip_depth_ = -1;
      return Status::Ok();
    }
    if (type == XML_READER_TYPE_END_ELEMENT && depth == seg_mrk_depth_) {
      seg_mrk_depth_ = -1;
      return Status::Ok();
    }
    if (type == XML_READER_TYPE_ELEMENT) {
      const std::string name = Name();
      const bool empty = xmlTextReaderIsEmptyElement(reader()) == 1;
      if (major_ == 1 && !options_.keep_inline && IsNativeCode(name) && !empty) {
        skip_depth_ = depth;
      } else if (major_ == 1 && name == "mrk" && !empty && seg_mrk_depth_ < 0 &&
                 capture_ != Capture::kSource && Attribute("mtype") == "seg") {
        seg_mrk_depth_ = depth;
        CaptureSegments().emplace_back(Attribute("mid"), "");
      } else if (major_ == 2 && name == "cp") {
        return CodePoint();
      }
      return Status::Ok();
    }
    if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
        type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
      return Append(XmlStr(xmlTextReaderConstValue(reader())));
    }
    return Status::Ok();
  }

  Status Append(std::string_view text) {
    bool over = false;
    if (capture_ != Capture::kSegSource) {
      Buffer() += text;
      over = Buffer().size() > kMaxSegmentBytes;
    }
    if (seg_mrk_depth_ >= 0) {
      std::string& segment = CaptureSegments().back().second;
      segment += text;
      over = over || segment.size() > kMaxSegmentBytes;
    }
    if (over) {
      return FailInUnit(capture_line_, "a segment of over " +
                                           std::to_string(kMaxSegmentBytes >> 20) +
                                           " MiB; refused (a translation unit holds a sentence)");
    }
    return Status::Ok();
  }

  // 2.x <cp hex="…"/>: a character XML cannot hold as text.
  Status CodePoint() {
    const std::string hex = Attribute("hex");
    char* end = nullptr;
    const unsigned long c = std::strtoul(hex.c_str(), &end, 16);
    if (hex.empty() || hex.size() > 6 || *end != '\0' || c > 0x10FFFF ||
        (c >= 0xD800 && c <= 0xDFFF) || hex.find_first_of("+- xX") != std::string::npos) {
      return FailInUnit(NodeLine(), "<cp hex=\"" + Quote(hex) +
                                        "\"> is not a Unicode code point");
    }
    std::string utf8;
    AppendUtf8(utf8, static_cast<uint32_t>(c));
    return Append(utf8);
  }

  // A Russian text as its own translation is no pair: see copied_source.
  bool CopiedSource(const std::string& source, const std::string& target) {
    if (source != target || CountScripts(source).cyrillic == 0) return false;
    ++summary_.copied_source;
    return true;
  }

  Status Emit(size_t line, std::string source, std::string target, bool unfinished) {
    if (CopiedSource(source, target)) return Status::Ok();
    XliffEntry e;
    e.line = line;
    e.unit_id = unit_id_;
    e.unfinished = unfinished;
    (source_is_ru_ ? e.ru : e.en) = std::move(source);
    (source_is_ru_ ? e.en : e.ru) = std::move(target);
    ++summary_.pairs;
    if (unfinished) ++summary_.unfinished;
    return fn_(e);
  }

  Status EndUnit() {
    unit_depth_ = -1;
    if (skip_unit_ || major_ == 2) return Status::Ok();
    const bool unfinished = IsUnfinishedState(target_state_);
    if (!source_segments_.empty() && !target_segments_.empty()) {
      // 1.2 segmentation: each <mrk mtype="seg"> of <seg-source> with the
      // target's of the same mid.
      for (auto& [mid, text] : source_segments_) {
        auto it = std::find_if(target_segments_.begin(), target_segments_.end(),
                               [&](const auto& t) { return t.first == mid; });
        if (text.empty() || it == target_segments_.end() || it->second.empty()) {
          ++summary_.no_target;
          continue;
        }
        SVERKA_RETURN_IF_ERROR(Emit(unit_line_, std::move(text), std::move(it->second), unfinished));
      }
      return Status::Ok();
    }
    if (!has_target_ || target_.empty() || source_.empty()) {
      ++summary_.no_target;
      return Status::Ok();
    }
    return Emit(unit_line_, std::move(source_), std::move(target_), unfinished);
  }

  Status EndSegment2() {
    if (!has_target_ || target_.empty() || source_.empty()) {
      ++summary_.no_target;
      return Status::Ok();
    }
    return Emit(segment_line_, std::move(source_), std::move(target_), segment_state_ == "initial");
  }

  const std::string& path_;
  const XliffReadOptions& options_;
  const std::function<Status(const XliffEntry&)>& fn_;
  XliffReadSummary summary_;
  bool seen_root_ = false, closed_root_ = false;
  int major_ = 0;
  std::string namespace_;
  // The current <file>'s (2.x: the document's) languages.
  bool languages_set_ = false, languages_ok_ = false, source_is_ru_ = true;
  int no_translate_depth_ = -1;  // the <file>/<group> with translate="no" we are in
  // The current unit.
  int unit_depth_ = -1;
  size_t unit_line_ = 0;
  std::string unit_id_;
  bool skip_unit_ = false;
  // 2.x: the current <segment>.
  int segment_depth_ = -1;
  size_t segment_line_ = 0;
  std::string segment_state_;
  // Texts of the current unit (1.x) or segment (2.x).
  std::string source_, target_, target_state_;
  bool has_target_ = false;
  Segments source_segments_, target_segments_;
  Capture capture_ = Capture::kNone;
  int capture_depth_ = -1, skip_depth_ = -1, seg_mrk_depth_ = -1;
  size_t capture_line_ = 0;
};

bool HasXliffExtension(const std::string& path) {
  const size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return false;
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == "xlf" || ext == "xliff" || ext == "sdlxliff";
}

}  // namespace

Result<XliffReadSummary> ReadXliff(const std::string& path, const XliffReadOptions& options,
                                   const std::function<Status(const XliffEntry&)>& fn) {
  const QuietXmlGenericErrors quiet;  // the reader's own handler still reports
  return XliffParser(path, options, fn).Run();
}

UnitFileFormat DetectUnitFileFormat(const std::string& path) {
  const UnitFileFormat by_name =
      HasXliffExtension(path) ? UnitFileFormat::kXliff : UnitFileFormat::kTmx;
  const QuietXmlGenericErrors quiet;
  std::unique_ptr<xmlTextReader, decltype(&xmlFreeTextReader)> reader(xmlReaderForFile(
      path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
      xmlFreeTextReader);
  UnitFileFormat format = by_name;
  if (reader) {
    xmlTextReaderSetStructuredErrorHandler(reader.get(), IgnoreError, nullptr);
    // The root element comes after a declaration, comments and a DOCTYPE:
    // a few nodes. Bounded, so that a file of a million comments is not read
    // here (its reader reports it).
    for (int k = 0; k < 1000 && xmlTextReaderRead(reader.get()) == 1; ++k) {
      if (xmlTextReaderNodeType(reader.get()) != XML_READER_TYPE_ELEMENT) continue;
      const std::string root = XmlStr(xmlTextReaderConstLocalName(reader.get()));
      if (root == "tmx") format = UnitFileFormat::kTmx;
      if (root == "xliff") format = UnitFileFormat::kXliff;
      break;
    }
  }
  return format;
}

}  // namespace sverka::formats
