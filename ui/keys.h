// Keys Dear ImGui 1.86 has no ImGuiKey_ for. Both platform layers use ImGui's GLFW
// backend, which indexes io.KeysDown by GLFW key codes, so these work on web and desktop.
#pragma once

namespace ui::keys {

inline constexpr int k0 = 48;          // GLFW_KEY_0
inline constexpr int kC = 67;          // GLFW_KEY_C
inline constexpr int kF = 70;          // GLFW_KEY_F
inline constexpr int kH = 72;          // GLFW_KEY_H
inline constexpr int kO = 79;          // GLFW_KEY_O
inline constexpr int kS = 83;          // GLFW_KEY_S
inline constexpr int kMinus = 45;      // GLFW_KEY_MINUS
inline constexpr int kEqual = 61;      // GLFW_KEY_EQUAL (+ on US keyboards)
inline constexpr int kPlusSv = 47;     // GLFW_KEY_SLASH: where + sits on a Swedish keyboard
inline constexpr int kF5 = 294;        // GLFW_KEY_F5
inline constexpr int kKeypadSubtract = 333;
inline constexpr int kKeypadAdd = 334;

}  // namespace ui::keys
