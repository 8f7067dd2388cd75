#include "tm/pair_text_writer.h"

#include <cerrno>
#include <cstring>

namespace sverka::tm {

std::string FlattenLine(std::string_view text, bool* changed) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') {
      c = ' ';
      if (changed) *changed = true;
    }
  }
  return out;
}

Result<std::unique_ptr<PairTextWriter>> PairTextWriter::Create(PairTextFormat format,
                                                               const std::string& path,
                                                               const std::string& ru_code,
                                                               const std::string& en_code) {
  std::unique_ptr<PairTextWriter> w(new PairTextWriter());
  w->format_ = format;
  if (format == PairTextFormat::kTsv) {
    w->paths_ = {path};
  } else {
    w->paths_ = {path + "." + ru_code, path + "." + en_code};
  }
  for (const std::string& p : w->paths_) {
    std::FILE* f = std::fopen((p + ".tmp").c_str(), "wb");
    if (!f) return Status::BadInput(p + ": cannot write: " + std::strerror(errno));
    w->files_.push_back(f);
  }
  return w;
}

PairTextWriter::~PairTextWriter() {
  for (size_t k = 0; k < files_.size(); ++k) {
    if (files_[k]) std::fclose(files_[k]);
    if (!committed_) std::remove((paths_[k] + ".tmp").c_str());
  }
}

Status PairTextWriter::Write(size_t file, std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), files_[file]) != text.size()) {
    return Status::Internal(paths_[file] + ": write failed: " + std::strerror(errno) +
                            "; nothing was written");
  }
  return Status::Ok();
}

Status PairTextWriter::Add(std::string_view ru, std::string_view en) {
  bool changed = false;
  std::string r = FlattenLine(ru, &changed);
  std::string e = FlattenLine(en, &changed);
  if (changed) ++flattened_;
  if (format_ == PairTextFormat::kTsv) {
    SVERKA_RETURN_IF_ERROR(Write(0, r + "\t" + e + "\n"));
  } else {
    SVERKA_RETURN_IF_ERROR(Write(0, r + "\n"));
    SVERKA_RETURN_IF_ERROR(Write(1, e + "\n"));
  }
  ++units_;
  return Status::Ok();
}

Status PairTextWriter::Commit() {
  for (size_t k = 0; k < files_.size(); ++k) {
    const int rc = std::fclose(files_[k]);
    files_[k] = nullptr;
    if (rc != 0) {
      return Status::Internal(paths_[k] + ": write failed: " + std::strerror(errno) +
                              "; nothing was written");
    }
  }
  for (const std::string& p : paths_) {
    if (std::rename((p + ".tmp").c_str(), p.c_str()) != 0) {
      return Status::Internal(p + ": cannot rename " + p + ".tmp: " + std::strerror(errno));
    }
  }
  committed_ = true;
  return Status::Ok();
}

}  // namespace sverka::tm
