// Table-driven tests of the rule families (doc/segment.md), Russian and
// English: each case is a paragraph and the sentences it must come out as.
#include "segment/boundary_rules.h"

#include <catch2/catch.hpp>
#include <string>

#include "common/utf8.h"
#include "segment/sentence_splitter.h"

using sverka::Language;
using sverka::segment::SentenceSplitter;

namespace {

struct Case {
  Language lang;
  std::string text;
  std::vector<std::string> sentences;
};

constexpr Language kRu = Language::kRussian;
constexpr Language kEn = Language::kEnglish;

void Check(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    auto splitter = SentenceSplitter::Create(c.lang);
    REQUIRE(splitter.ok());
    std::vector<std::string> got;
    for (const auto& s : (*splitter)->Split(c.text))
      got.emplace_back(c.text.substr(s.begin, s.size()));
    INFO(c.text);
    CHECK(got == c.sentences);
  }
}

}  // namespace

TEST_CASE("abbreviations are whole words, with or without inner spaces", "[segment][rules]") {
  Check({
      {kRu, "Он хотел. Стул упал.", {"Он хотел.", "Стул упал."}},  // not "тел.", "ул."
      {kRu,
       "Это яблоки, груши и т. д. Потом сливы.",
       {"Это яблоки, груши и т. д.", "Потом сливы."}},
      {kRu, "Это, т. е. всё, и т.е. всё. Конец.", {"Это, т. е. всё, и т.е. всё.", "Конец."}},
      {kRu, "Живёт на ул. Ленина, д. 5, им. Пушкина.", {"Живёт на ул. Ленина, д. 5, им. Пушкина."}},
      {kRu,
       "Доклад сделал проф. Иванов. См. рис. 3.",
       {"Доклад сделал проф. Иванов.", "См. рис. 3."}},
      {kRu, "Цена 5 тыс. руб. Это дорого.", {"Цена 5 тыс. руб.", "Это дорого."}},
      {kRu,
       "Доход 1.5 млн руб. и 3 млрд долл. в год.",
       {"Доход 1.5 млн руб. и 3 млрд долл. в год."}},
      {kEn, "Mr. Smith met Dr. Jones. They talked.", {"Mr. Smith met Dr. Jones.", "They talked."}},
      {kEn,
       "Fruit, e.g. apples, i.e. food, etc. Then more.",
       {"Fruit, e.g. apples, i.e. food, etc.", "Then more."}},
      {kEn, "I live in the U.S. How about you?", {"I live in the U.S.", "How about you?"}},
      {kEn, "I work for the U.S. Government now.", {"I work for the U.S. Government now."}},
      {kEn, "She has a Ph.D. in physics.", {"She has a Ph.D. in physics."}},
      {kEn, "Meet at 9 a.m. on Monday.", {"Meet at 9 a.m. on Monday."}},
  });
}

TEST_CASE("initials do not end sentences", "[segment][rules]") {
  Check({
      {kRu,
       "Это написал А. С. Пушкин. Потом Л.Н. Толстой.",
       {"Это написал А. С. Пушкин.", "Потом Л.Н. Толстой."}},
      {kEn,
       "The Hobbit is by J. R. R. Tolkien. It is long.",
       {"The Hobbit is by J. R. R. Tolkien.", "It is long."}},
      {kEn,
       "You and I. Did you see Albert I. Jones?",
       {"You and I.", "Did you see Albert I. Jones?"}},
  });
}

TEST_CASE("numbers and dates: no cut inside, a cut before a sentence that starts with a digit",
          "[segment][rules]") {
  Check({
      {kRu, "Это было 30 сент. 2016 г. в Москве.", {"Это было 30 сент. 2016 г. в Москве."}},
      {kRu, "Он родился в 1799 г. в Москве.", {"Он родился в 1799 г. в Москве."}},
      {kRu,
       "Курс оплачен за счёт рекламы. 10-недельный курс прошёл.",
       {"Курс оплачен за счёт рекламы.", "10-недельный курс прошёл."}},
      {kRu,
       "Песню спел «Канье Уэст». 41-летний Уэст рад.",
       {"Песню спел «Канье Уэст».", "41-летний Уэст рад."}},
      {kRu, "См. ст. 5 закона. Это важно.", {"См. ст. 5 закона.", "Это важно."}},
      {kEn,
       "It rose to 1.5 million. 20 people came.",
       {"It rose to 1.5 million.", "20 people came."}},
      {kEn,
       "Please turn to p. 55. See No. 3 there.",
       {"Please turn to p. 55.", "See No. 3 there."}},
      {kEn, "She has $100.00. It is in her bag.", {"She has $100.00.", "It is in her bag."}},
  });
}

TEST_CASE("numbered, lettered and bulleted lists", "[segment][rules]") {
  Check({
      {kEn, "1. The first item 2. The second item", {"1. The first item", "2. The second item"}},
      {kEn,
       "1) The first item. 2) The second item.",
       {"1) The first item.", "2) The second item."}},
      {kEn, "a. The first item b. The second item", {"a. The first item", "b. The second item"}},
      {kEn,
       "\xE2\x80\xA2 First \xE2\x80\xA2 Second",
       {"\xE2\x80\xA2 First", "\xE2\x80\xA2 Second"}},
      {kRu,
       "Нужно:\n1) купить хлеб\n2) позвонить маме",
       {"Нужно:", "1) купить хлеб", "2) позвонить маме"}},
      {kRu, "Нужно купить 1)рыбу 2)соль.", {"Нужно купить 1)рыбу 2)соль."}},
  });
}

TEST_CASE("quotes, nested quotes and sentences inside quotes", "[segment][rules]") {
  Check({
      {kRu,
       "Девочка кричала: «Не видали маму?». Все молчали.",
       {"Девочка кричала: «Не видали маму?».", "Все молчали."}},
      {kRu,
       "«Я приду. Обязательно», — сказал он. Потом ушёл.",
       {"«Я приду. Обязательно», — сказал он.", "Потом ушёл."}},
      {kRu,
       "Он сказал: «Читай „Войну и мир“. Это классика». Я кивнул.",
       {"Он сказал: «Читай „Войну и мир“. Это классика».", "Я кивнул."}},
      {kEn,
       "She turned to him, \"This is great.\" she said.",
       {"She turned to him, \"This is great.\" she said."}},
      {kEn,
       "She said, \"This is great.\" He agreed.",
       {"She said, \"This is great.\"", "He agreed."}},
  });
}

// The bug: the limit counted bytes, so a Russian quotation of 250
// characters (about 450 bytes) was cut while its English twin was kept.
TEST_CASE("a Russian quotation of 250 characters is kept together like its English twin",
          "[segment][rules][ru]") {
  // Quotation bodies of exactly `n` characters: a sentence, then words.
  const auto body = [](std::string text, const std::string& word, const std::string& letter,
                       size_t n) {
    while (sverka::CountCodePoints(text) + sverka::CountCodePoints(word) + 1 <= n) text += " " + word;
    while (sverka::CountCodePoints(text) < n) text += letter;
    return text;
  };
  const std::string ru = body("Я приду. Обязательно", "приду", "у", 250);
  const std::string en = body("I will come. Surely", "come", "s", 250);
  REQUIRE(sverka::CountCodePoints(ru) == 250);
  REQUIRE(sverka::CountCodePoints(en) == 250);
  // Over the 400 of max-quote-chars in bytes, in Russian only.
  REQUIRE(ru.size() > 400);
  REQUIRE(en.size() < 400);
  Check({
      {kRu, "Он сказал: «" + ru + "». Потом ушёл.", {"Он сказал: «" + ru + "».", "Потом ушёл."}},
      {kEn, "He said: \u201C" + en + "\u201D. Then he left.",
       {"He said: \u201C" + en + "\u201D.", "Then he left."}},
  });
}

TEST_CASE("dialogue dashes: the author's words stay with the line", "[segment][rules]") {
  Check({
      {kRu,
       "— Ты придёшь? — спросил он. — Приду! — ответила она.",
       {"— Ты придёшь? — спросил он.", "— Приду! — ответила она."}},
      {kRu, "Всё ясно. -- Как это? -- не понял я.", {"Всё ясно.", "-- Как это? -- не понял я."}},
      {kEn, "I see. — What? — he asked.", {"I see.", "— What? — he asked."}},
  });
}

TEST_CASE("ellipsis, three dots and spaced dots", "[segment][rules]") {
  Check({
      {kRu, "Он подумал… Потом ушёл.", {"Он подумал…", "Потом ушёл."}},
      {kRu, "Он подумал… и ушёл.", {"Он подумал… и ушёл."}},
      {kEn, "I never meant that.... She left.", {"I never meant that....", "She left."}},
      {kEn, "I wasn't really ... well, no.", {"I wasn't really ... well, no."}},
      {kEn,
       "\"Bohr [...] used stairs [...]\" (Smith 55).",
       {"\"Bohr [...] used stairs [...]\" (Smith 55)."}},
  });
}

TEST_CASE("parentheses keep their sentences inside", "[segment][rules]") {
  Check({
      {kRu,
       "Это былины (см. Народное искусство). Их пели.",
       {"Это былины (см. Народное искусство).", "Их пели."}},
      {kRu,
       "Это было давно (до 1918 г.). Потом всё изменилось.",
       {"Это было давно (до 1918 г.).", "Потом всё изменилось."}},
      {kEn,
       "He teaches (He worked as an engineer.) at the University.",
       {"He teaches (He worked as an engineer.) at the University."}},
  });
}

TEST_CASE("headlines and chat: no final punctuation, smileys, lower-case starts",
          "[segment][rules]") {
  Check({
      {kRu, "Федеральные новости без точки", {"Федеральные новости без точки"}},
      {kRu, "Как красиво))) Зима пришла.", {"Как красиво)))", "Зима пришла."}},
      {kRu, "Отлично :) Жду ещё.", {"Отлично :)", "Жду ещё."}},
      // break-before-lowercase is off for Russian (ru.rules): an unlisted abbreviation is likelier.
      {kRu, "Было здорово. завтра снова пойдём.", {"Было здорово. завтра снова пойдём."}},
      {kEn, "Great food. definitely a must.", {"Great food.", "definitely a must."}},
      {kEn, "She works at Yahoo! in accounting.", {"She works at Yahoo! in accounting."}},
      {kEn, "Hello world.Today is Tuesday.", {"Hello world.", "Today is Tuesday."}},
  });
}

TEST_CASE("URLs and e-mail addresses are not cut", "[segment][rules]") {
  Check({
      {kEn,
       "Her email is Jane.Doe@example.com. I wrote.",
       {"Her email is Jane.Doe@example.com.", "I wrote."}},
      {kEn,
       "See https://www.example.com/a.html. Then go.",
       {"See https://www.example.com/a.html.", "Then go."}},
      {kRu, "Пишите на info@mail.ru. Ответим.", {"Пишите на info@mail.ru.", "Ответим."}},
      {kRu, "Сайт www.Example.ru работает.", {"Сайт www.Example.ru работает."}},
  });
}

TEST_CASE("plain ICU engine keeps ICU's boundaries", "[segment]") {
  auto splitter = SentenceSplitter::Create(kRu, {.engine = sverka::segment::Engine::kIcu});
  REQUIRE(splitter.ok());
  // ICU alone cuts after "т. е." style abbreviations and initials.
  CHECK((*splitter)->Split("Это написал А. С. Пушкин.").size() > 1);
}

TEST_CASE("an abbreviation ends a sentence only after a few words", "[segment][rules]") {
  Check({
      {kRu,
       "В 2010-2012 гг. Виктор посещал Волгоград.",
       {"В 2010-2012 гг. Виктор посещал Волгоград."}},
      {kRu,
       "Он умер в середине 1980-х гг. Его помнят.",
       {"Он умер в середине 1980-х гг.", "Его помнят."}},
      {kEn,
       "Let's ask Jane and co. They should know.",
       {"Let's ask Jane and co.", "They should know."}},
  });
}

TEST_CASE("chat text: a bare '?' or '!' after a lower-case word ends a sentence",
          "[segment][rules]") {
  Check({
      {kEn, "where did you grow up? india? wow.", {"where did you grow up?", "india?", "wow."}},
      {kEn, "She works at Yahoo! in accounting.", {"She works at Yahoo! in accounting."}},
      {kRu, "Ты где? дома? ясно.", {"Ты где? дома? ясно."}},  // off for Russian (ru.rules)
      {kRu, "«Ты где?» спросил он.", {"«Ты где?» спросил он."}},
  });
}

namespace {

// The pieces a paragraph's declined cuts make ("|" between them), and each cut's prior.
std::pair<std::string, std::vector<double>> Declined(Language lang, const std::string& text) {
  auto splitter = SentenceSplitter::Create(lang);
  REQUIRE(splitter.ok());
  std::vector<sverka::segment::DeclinedCut> declined;
  const auto sentences = (*splitter)->Split(text, &declined);
  std::string marked;
  std::vector<double> priors;
  size_t at = 0;
  for (const auto& d : declined) {
    marked += text.substr(at, d.offset - at) + "|";
    at = d.offset;
    priors.push_back(d.prior);
  }
  marked += text.substr(at);
  // The sentences are those Split gives without asking for the cuts.
  CHECK((*splitter)->Split(text).size() == sentences.size());
  return {marked, priors};
}

}  // namespace

TEST_CASE("the cuts the rules decline that a translation may confirm", "[segment][rules][candidates]") {
  // Inside a quotation: the rules keep it whole, a translation may not.
  auto [quote, quote_priors] = Declined(kRu, "Директор сказал: «Завод выпустил 300 машин. В 2017 году он выпустил 450».");
  CHECK(quote == "Директор сказал: «Завод выпустил 300 машин.| В 2017 году он выпустил 450».");
  CHECK(quote_priors == std::vector<double>{0.7});
  auto [strong, strong_priors] = Declined(kEn, "He asked: \"Did you do it? Tell me.\" She left.");
  CHECK(strong == "He asked: \"Did you do it?| Tell me.\" She left.");
  CHECK(strong_priors == std::vector<double>{0.8});
  // After an abbreviation-like word before a capital.
  auto [abbr, abbr_priors] = Declined(kRu, "Встреча прошла 29 сентября 2018 г. Вы можете посмотреть её запись.");
  CHECK(abbr == "Встреча прошла 29 сентября 2018 г.| Вы можете посмотреть её запись.");
  CHECK(abbr_priors == std::vector<double>{0.8});  // a unit after a number: more often an end than not
  auto [title, title_priors] = Declined(kRu, "Доклад читал проф. Иванов из Москвы.");
  CHECK(title == "Доклад читал проф.| Иванов из Москвы.");
  CHECK(title_priors == std::vector<double>{0.5});  // a title before a name: as likely as not
  // A line break without final punctuation before a capital: a headline.
  auto [headline, headline_priors] = Declined(kEn, "Bolivia hopes for a path to the sea\nThe court ruled on Monday.");
  CHECK(headline == "Bolivia hopes for a path to the sea|\nThe court ruled on Monday.");
  CHECK(headline_priors == std::vector<double>{0.5});
  // Never after an initial, before a lower-case word, or a dialogue dash.
  CHECK(Declined(kRu, "Писал Л. Толстой о войне.").first == "Писал Л. Толстой о войне.");
  CHECK(Declined(kRu, "— Ты придёшь? — спросил он.").first == "— Ты придёшь? — спросил он.");
  CHECK(Declined(kEn, "It rose to 5 p.m. and then fell.").first == "It rose to 5 p.m. and then fell.");
  CHECK(Declined(kEn, "a line\nthat wraps mid-sentence.").first == "a line\nthat wraps mid-sentence.");
}

TEST_CASE("cuts without punctuation a translation may confirm: after a closing quote, before a sentence starter",
          "[segment][rules][candidates]") {
  auto [quote, quote_priors] = Declined(kRu, "Гол принёс победу команде «Ливингстон» Благодаря мячу Менги они выиграли.");
  CHECK(quote == "Гол принёс победу команде «Ливингстон»| Благодаря мячу Менги они выиграли.");
  CHECK(quote_priors == std::vector<double>{0.4});
  auto [starter, starter_priors] = Declined(kEn, "They hide them from parents, survey reveals The news has heightened fears.");
  CHECK(starter == "They hide them from parents, survey reveals| The news has heightened fears.");
  CHECK(starter_priors == std::vector<double>{0.4});
  auto [ru_starter, ru_priors] = Declined(kRu, "Есть аккаунт, о котором знают родители Однако каждый пятый скрывает второй.");
  CHECK(ru_starter == "Есть аккаунт, о котором знают родители| Однако каждый пятый скрывает второй.");
  // A name after a lower-case word, a capital after a bracket: no cut.
  CHECK(Declined(kEn, "She met Theresa May in London (UK) Today.").first == "She met Theresa May in London (UK) Today.");
  CHECK(Declined(kRu, "Он встретил Бориса Джонсона в Лондоне.").first == "Он встретил Бориса Джонсона в Лондоне.");
}

TEST_CASE("a capitalised word the paragraph also writes in lower case is a weaker cut a translation may confirm",
          "[segment][rules][candidates]") {
  // A headline run into the text: "Survey" is no name, the paragraph writes "survey".
  auto [run_in, run_in_priors] =
      Declined(kEn, "One in five children have secret accounts, survey reveals Survey of 20,000 pupils found a rise.");
  CHECK(run_in == "One in five children have secret accounts, survey reveals| Survey of 20,000 pupils found a rise.");
  CHECK(run_in_priors == std::vector<double>{0.25});
  // "One" is a sentence starter: the stronger prior.
  CHECK(Declined(kEn, "Twenty per cent have a main account to show parents One in five create another.").second ==
        std::vector<double>{0.4});
  // Capitalised twice mid-sentence: a name or a title here ("the Holy Spirit"), no cut.
  CHECK(Declined(kEn, "He spoke of the spirit and came by the Spirit into the temple, filled with the Spirit.").first ==
        "He spoke of the spirit and came by the Spirit into the temple, filled with the Spirit.");
  // After a one-letter word or a preposition ("о", "для") a sentence does not end.
  CHECK(Declined(kRu, "И соблазнялись о Нем, и нем был он.").first == "И соблазнялись о Нем, и нем был он.");
  CHECK(Declined(kRu, "Это для Дома, а не для дома.").first == "Это для Дома, а не для дома.");
  // Never written in lower case: a name, no cut.
  CHECK(Declined(kEn, "The survey reveals Smith was right.").first == "The survey reveals Smith was right.");
}
