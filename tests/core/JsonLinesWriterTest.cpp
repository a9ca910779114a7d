// JSON Lines exports: one object a line, UTF-8 kept as it is, invalid bytes repaired.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "earshot/exports/JsonLinesWriter.h"

using earshot::exports::JsonLinesWriter;
using nlohmann::json;

namespace {

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

}  // namespace

TEST(JsonLinesWriterTest, WritesOneCompactObjectPerLine)
{
    std::ostringstream out;
    JsonLinesWriter writer(out);
    const std::vector<json> objects = {
        {{"id", 1}, {"text", "regel één\r\nregel twee\n"}, {"seconds", -5}},
        {{"id", 2}, {"text", "say \"hi\""}, {"score", -3.5}, {"tags", {"a", "b"}}, {"reply", nullptr}},
    };
    for (const json& object : objects)
        writer.write(object);
    ASSERT_TRUE(writer.finish().ok());
    EXPECT_EQ(writer.lineCount(), 2u);

    const std::string text = out.str();
    EXPECT_EQ(text.back(), '\n');
    EXPECT_EQ(text.find('\r'), std::string::npos) << "newlines inside values are escaped";
    EXPECT_EQ(text.find(": "), std::string::npos) << "compact";
    const auto written = lines(text);
    ASSERT_EQ(written.size(), objects.size());
    for (std::size_t i = 0; i < objects.size(); ++i)
        EXPECT_EQ(json::parse(written[i]), objects[i]);
}

TEST(JsonLinesWriterTest, KeepsUtf8AsItIs)
{
    std::ostringstream out;
    JsonLinesWriter writer(out);
    writer.write({{"text", "café € 👍🏽"}});
    EXPECT_EQ(out.str(), "{\"text\":\"café € 👍🏽\"}\n");
}

TEST(JsonLinesWriterTest, ReplacesInvalidUtf8WithoutThrowing)
{
    std::ostringstream out;
    JsonLinesWriter writer(out);
    EXPECT_NO_THROW(writer.write({{"text", "caf\xe9 ok"}, {"k\xff", "v"}}));
    writer.write({{"next", "still written"}});
    const auto written = lines(out.str());
    ASSERT_EQ(written.size(), 2u);
    const json first = json::parse(written[0]);
    EXPECT_EQ(first["text"], "caf\xEF\xBF\xBD ok");
    EXPECT_TRUE(first.contains("k\xEF\xBF\xBD"));
    EXPECT_EQ(json::parse(written[1])["next"], "still written");
}

TEST(JsonLinesWriterTest, ReportsAStreamThatFailed)
{
    std::ostringstream out;
    JsonLinesWriter writer(out);
    out.setstate(std::ios::badbit);
    writer.write({{"id", 1}});
    EXPECT_FALSE(writer.finish().ok());
}
