#include "formats/tmx_reader.h"

#include <libxml/xmlreader.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "common/utf8.h"
#include "formats/xml_error.h"
#include "formats/xml_unit_reader.h"

namespace sverka::formats {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool IsInlineCode(std::string_view name) {
  return name == "bpt" || name == "ept" || name == "ph" || name == "it" || name == "ut";
}

class TmxParser : private XmlUnitReader {
 public:
  TmxParser(const std::string& path, const TmxReadOptions& options,
            const std::function<Status(const TmxEntry&)>& fn)
      : XmlUnitReader(path, {.format = "TMX", .root = "tmx", .max_segment_bytes = kMaxSegmentBytes}),
        path_(path),
        options_(options),
        fn_(fn) {}

  Result<TmxReadSummary> Run() {
    SVERKA_RETURN_IF_ERROR(Open());
    int rc;
    while ((rc = Read()) == 1) {
      SVERKA_RETURN_IF_ERROR(Node());
    }
    if (rc < 0 || HasXmlError()) return XmlError(seen_root_, closed_root_);
    if (!seen_root_) return Fail(Line(), "not a TMX file (no root element)");  // defensive
    return summary_;
  }

 private:
  Status Node() {
    const int type = xmlTextReaderNodeType(reader());
    const int depth = xmlTextReaderDepth(reader());
    if (type == XML_READER_TYPE_DOCUMENT_TYPE) return Doctype("a TMX");
    if (type == XML_READER_TYPE_ENTITY_REFERENCE) {
      return Fail(NodeLine(),
                  "reference to the undeclared entity '&" + Name() + ";' (sverka reads no DTD)");
    }
    if (in_seg_) return SegNode(type, depth);
    if (type == XML_READER_TYPE_ELEMENT) {
      const std::string name = Name();
      const bool empty = xmlTextReaderIsEmptyElement(reader()) == 1;
      if (!seen_root_) {
        seen_root_ = true;
        if (name != "tmx") {
          return Fail(NodeLine(), "not a TMX file (the root element is <" + name + ">, not <tmx>)");
        }
        return Status::Ok();
      }
      if (name == "tu" && depth == 2) {
        in_tu_ = true;
        entry_ = TmxEntry();
        entry_.line = NodeLine();
        entry_.creation_date = Attribute("creationdate");
        entry_.change_date = Attribute("changedate");
        has_ru_ = has_en_ = false;
        ru_variants_.clear();
        en_variants_.clear();
        several_ = nullptr;
        if (empty) return EndTu();
      } else if (in_tu_ && name == "prop" && depth == 3) {
        entry_.props.emplace_back(Attribute("type"), XmlTake(xmlTextReaderReadString(reader())));
      } else if (in_tu_ && name == "tuv" && depth == 3) {
        tuv_lang_ = Attribute("xml:lang");
        if (tuv_lang_.empty()) tuv_lang_ = Attribute("lang");
        NoteLanguage(tuv_lang_);
      } else if (in_tu_ && name == "seg" && depth == 4) {
        seg_.clear();
        seg_line_ = NodeLine();
        seg_depth_ = depth;
        skip_depth_ = -1;
        if (empty) return EndSeg();
        in_seg_ = true;
      }
    } else if (type == XML_READER_TYPE_END_ELEMENT && in_tu_ && depth == 2) {
      return EndTu();
    } else if (type == XML_READER_TYPE_END_ELEMENT && depth == 0) {
      closed_root_ = true;
    }
    return Status::Ok();
  }

  Status SegNode(int type, int depth) {
    if (type == XML_READER_TYPE_END_ELEMENT && depth == seg_depth_) {
      in_seg_ = false;
      return EndSeg();
    }
    if (skip_depth_ >= 0) {
      if (type == XML_READER_TYPE_END_ELEMENT && depth == skip_depth_) skip_depth_ = -1;
      return Status::Ok();
    }
    if (type == XML_READER_TYPE_ELEMENT && !options_.keep_inline && IsInlineCode(Name()) &&
        xmlTextReaderIsEmptyElement(reader()) != 1) {
      skip_depth_ = depth;
    } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
               type == XML_READER_TYPE_WHITESPACE ||
               type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
      seg_ += XmlStr(xmlTextReaderConstValue(reader()));
      if (seg_.size() > kMaxSegmentBytes) {
        return Fail(seg_line_, "a segment of over " + std::to_string(kMaxSegmentBytes >> 20) +
                                   " MiB; refused (a translation unit holds a sentence)");
      }
    }
    return Status::Ok();
  }

  Status EndSeg() {
    if (seg_.empty()) return Status::Ok();
    if (LanguageMatches(tuv_lang_, options_.ru_lang)) {
      NoteVariant(has_ru_, ru_variants_);
      if (!has_ru_) entry_.ru = std::move(seg_);
      has_ru_ = true;
    } else if (LanguageMatches(tuv_lang_, options_.en_lang)) {
      NoteVariant(has_en_, en_variants_);
      if (!has_en_) entry_.en = std::move(seg_);
      has_en_ = true;
    }
    seg_.clear();
    return Status::Ok();
  }

  // Records `tuv_lang_` among a side's variants; `taken`: the side has one already.
  void NoteVariant(bool taken, std::string& variants) {
    // Bounded: a hostile unit may hold thousands of <tuv>s.
    if (variants.size() < 100) variants += (variants.empty() ? "" : ", ") + tuv_lang_;
    if (taken) several_ = &variants;
  }

  Status EndTu() {
    in_tu_ = false;
    ++summary_.units;
    if (!has_ru_ || !has_en_) {
      ++summary_.one_language;
      return Status::Ok();
    }
    if (several_ && summary_.several_variants++ == 0) {
      summary_.several_variants_line = entry_.line;
      summary_.several_variants_languages = *several_;
    }
    return fn_(entry_);
  }

  void NoteLanguage(const std::string& code) {
    const std::string lower = Lower(code);
    auto& langs = summary_.languages;
    if (langs.size() < 10 && std::find(langs.begin(), langs.end(), lower) == langs.end()) {
      langs.push_back(lower);
    }
  }

  const std::string& path_;
  const TmxReadOptions& options_;
  const std::function<Status(const TmxEntry&)>& fn_;
  TmxReadSummary summary_;
  bool seen_root_ = false, closed_root_ = false, in_tu_ = false, in_seg_ = false, has_ru_ = false,
       has_en_ = false;
  std::string ru_variants_, en_variants_;  // the current unit's <tuv> languages of each side
  const std::string* several_ = nullptr;   // the side with more than one, if any
  TmxEntry entry_;
  std::string tuv_lang_, seg_;
  size_t seg_line_ = 0;
  int seg_depth_ = 0, skip_depth_ = -1;
};

}  // namespace

bool LanguageMatches(std::string_view code, std::string_view wanted) {
  const std::string c = Lower(code), w = Lower(wanted);
  if (c == w) return true;
  return w.find('-') == std::string::npos && c.size() > w.size() &&
         c.compare(0, w.size(), w) == 0 && c[w.size()] == '-';
}

std::string IsoFromTmxDate(std::string_view tmx) {
  if (tmx.size() != 16 || tmx[8] != 'T' || tmx[15] != 'Z') return "";
  for (size_t k = 0; k < 15; ++k) {
    if (k != 8 && !std::isdigit(static_cast<unsigned char>(tmx[k]))) return "";
  }
  std::string t(tmx);
  return t.substr(0, 4) + "-" + t.substr(4, 2) + "-" + t.substr(6, 2) + "T" + t.substr(9, 2) + ":" +
         t.substr(11, 2) + ":" + t.substr(13, 2) + "Z";
}

Result<TmxReadSummary> ReadTmx(const std::string& path, const TmxReadOptions& options,
                               const std::function<Status(const TmxEntry&)>& fn) {
  const QuietXmlGenericErrors quiet;  // the reader's own handler still reports
  return TmxParser(path, options, fn).Run();
}

}  // namespace sverka::formats
