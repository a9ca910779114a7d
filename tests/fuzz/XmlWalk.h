// For the XML fuzzers: reads every view a tree holds, so one that dangles or runs past its
// document is touched (and reported by ASan) rather than left unread.
#pragma once

#include <cstddef>

#include "XmlTree.h"

namespace earshot::fuzz {

inline std::size_t walk(const feeds::XmlNode* node)
{
    std::size_t bytes = 0;
    for (; node; node = node->next) {
        for (char c : node->text)
            bytes += static_cast<unsigned char>(c);
        bytes += node->qualifiedName.size() + node->localName.size() + node->prefix.size() +
                 node->namespaceUri.size();
        for (std::size_t i = 0; i < node->attributeCount; ++i) {
            const feeds::XmlAttribute& attribute = node->attributes[i];
            for (char c : attribute.value)
                bytes += static_cast<unsigned char>(c);
            bytes += attribute.qualifiedName.size() + attribute.localName.size();
        }
        bytes += walk(node->firstChild);
    }
    return bytes;
}

// Where the sum goes, so the optimiser cannot drop the reads.
inline volatile std::size_t walked = 0;

inline void touchAll(const feeds::XmlNode* root) { walked = walk(root); }

}  // namespace earshot::fuzz
