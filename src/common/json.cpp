#include "common/json.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "common/utf8.h"

namespace sverka {

std::string JsonQuote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  for (const char ch : text) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(ch));
          out += buf;
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
  return out;
}

const JsonValue* JsonValue::Find(std::string_view key) const {
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &it->second;
}

namespace {

class JsonParser {
 public:
  JsonParser(std::string_view text, const JsonLimits& limits, std::string_view where)
      : text_(text), limits_(limits), where_(where) {}

  Result<JsonValue> Parse() {
    if (text_.size() > limits_.max_bytes) {
      return Error(0, "JSON text longer than " + std::to_string(limits_.max_bytes) + " bytes");
    }
    if (const std::optional<size_t> bad = FindInvalidUtf8(text_)) return Error(*bad, "invalid UTF-8");
    JsonValue value;
    SkipSpace();
    SVERKA_RETURN_IF_ERROR(Value(value, 0));
    SkipSpace();
    if (pos_ != text_.size()) return Error(pos_, "unexpected text after the JSON value");
    return value;
  }

 private:
  Status Error(size_t at, const std::string& what) const {
    const std::string column = std::to_string(at + 1);
    return Status::InvalidData(where_.empty() ? "column " + column + ": " + what
                                           : std::string(where_) + ":" + column + ": " + what);
  }
  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  Status Value(JsonValue& v, size_t depth) {
    if (pos_ >= text_.size()) return Error(pos_, "unexpected end of JSON text");
    const char c = text_[pos_];
    if (c == '{' || c == '[') {
      if (depth >= limits_.max_depth) {
        return Error(pos_, "nested deeper than " + std::to_string(limits_.max_depth) + " levels");
      }
      return c == '{' ? Object(v, depth + 1) : Array(v, depth + 1);
    }
    if (c == '"') {
      v.kind = JsonValue::Kind::kString;
      return String(v.string);
    }
    if (Literal("true") || Literal("false")) {
      v.kind = JsonValue::Kind::kBool;
      v.boolean = text_[pos_ - 1] == 'e' && text_[pos_ - 2] == 'u';
      return Status::Ok();
    }
    if (Literal("null")) return Status::Ok();
    if (c == '-' || (c >= '0' && c <= '9')) return Number(v);
    return Error(pos_, std::string("unexpected character '") + c + "'");
  }

  Status Object(JsonValue& v, size_t depth) {
    v.kind = JsonValue::Kind::kObject;
    ++pos_;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return Status::Ok();
    }
    for (;;) {
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != '"') return Error(pos_, "expected a string key");
      const size_t key_at = pos_;
      std::string key;
      SVERKA_RETURN_IF_ERROR(String(key));
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != ':') return Error(pos_, "expected ':'");
      ++pos_;
      SkipSpace();
      JsonValue member;
      SVERKA_RETURN_IF_ERROR(Value(member, depth));
      if (!v.object.emplace(std::move(key), std::move(member)).second) {
        return Error(key_at, "duplicate key");
      }
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        return Status::Ok();
      }
      return Error(pos_, "expected ',' or '}'");
    }
  }

  Status Array(JsonValue& v, size_t depth) {
    v.kind = JsonValue::Kind::kArray;
    ++pos_;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return Status::Ok();
    }
    for (;;) {
      SkipSpace();
      v.array.emplace_back();
      SVERKA_RETURN_IF_ERROR(Value(v.array.back(), depth));
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        return Status::Ok();
      }
      return Error(pos_, "expected ',' or ']'");
    }
  }

  Status Number(JsonValue& v) {
    const size_t start = pos_;
    auto digits = [&] {
      const size_t from = pos_;
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
      return pos_ - from;
    };
    if (text_[pos_] == '-') ++pos_;
    const size_t int_start = pos_;
    const size_t int_digits = digits();
    if (int_digits == 0) return Error(start, "bad number");
    if (int_digits > 1 && text_[int_start] == '0') return Error(start, "bad number (leading zero)");
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (digits() == 0) return Error(start, "bad number");
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (digits() == 0) return Error(start, "bad number");
    }
    const std::string literal(text_.substr(start, pos_ - start));
    v.kind = JsonValue::Kind::kNumber;
    v.number = std::strtod(literal.c_str(), nullptr);
    if (!std::isfinite(v.number)) return Error(start, "number out of range");
    return Status::Ok();
  }

  static void AppendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  Result<uint32_t> Hex4() {
    if (pos_ + 4 > text_.size()) return Error(pos_, "bad \\u escape");
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = text_[pos_ + k];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= c - '0';
      else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
      else return Error(pos_, "bad \\u escape");
    }
    pos_ += 4;
    return v;
  }

  Status String(std::string& out) {
    ++pos_;  // the opening quote
    for (;;) {
      if (pos_ >= text_.size()) return Error(pos_, "unterminated string");
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return Status::Ok();
      }
      if (static_cast<unsigned char>(c) < 0x20) return Error(pos_, "control character in string");
      if (c != '\\') {
        out.push_back(c);
        ++pos_;
        continue;
      }
      const size_t at = pos_++;
      if (pos_ >= text_.size()) return Error(at, "unterminated string");
      switch (text_[pos_++]) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          SVERKA_ASSIGN_OR_RETURN(uint32_t cp, Hex4());
          uint32_t code = cp;
          if (code >= 0xDC00 && code <= 0xDFFF) return Error(at, "lone surrogate in \\u escape");
          if (code >= 0xD800 && code <= 0xDBFF) {
            if (text_.substr(pos_, 2) != "\\u") return Error(at, "lone surrogate in \\u escape");
            pos_ += 2;
            SVERKA_ASSIGN_OR_RETURN(uint32_t low, Hex4());
            if (low < 0xDC00 || low > 0xDFFF) return Error(at, "lone surrogate in \\u escape");
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          }
          AppendUtf8(out, code);
          break;
        }
        default: return Error(at, "bad escape");
      }
    }
  }

  std::string_view text_;
  JsonLimits limits_;
  std::string_view where_;
  size_t pos_ = 0;
};

}  // namespace

Result<JsonValue> ParseJson(std::string_view text, const JsonLimits& limits,
                            std::string_view where) {
  return JsonParser(text, limits, where).Parse();
}

}  // namespace sverka
