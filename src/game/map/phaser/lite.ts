/**
 * Phaser, built from its sources with only what the map uses. The published
 * bundle carries every game object, both physics engines, tilemaps, audio
 * and the loader's file types: 1.4 MB that a browser parses and runs before
 * the first frame. Vite aliases `phaser` to this module for the kit (see
 * vite.config.ts); the TypeScript types still come from the phaser package,
 * and this namespace has the same shape for the parts the map touches.
 */
import 'phaser-src/polyfills/requestVideoFrame.js';
// Phaser's modules require each other in cycles that resolve only when the renderer comes first,
// as it does in Phaser's own entry point.
import 'phaser-src/renderer/index.js';
// Scene plugins register themselves when loaded: the core ones a scene cannot run without, then
// the clock, tweens and data; no input, loader or lights plugin (the map takes no input and loads nothing).
import 'phaser-src/events/EventEmitter.js';
import 'phaser-src/cameras/2d/CameraManager.js';
import 'phaser-src/gameobjects/GameObjectCreator.js';
import 'phaser-src/gameobjects/GameObjectFactory.js';
import 'phaser-src/scene/ScenePlugin.js';
import 'phaser-src/gameobjects/DisplayList.js';
import 'phaser-src/gameobjects/UpdateList.js';
import 'phaser-src/time/Clock.js';
import 'phaser-src/tweens/TweenManager.js';
import 'phaser-src/data/DataManagerPlugin.js';
import BaseCamera from 'phaser-src/cameras/2d/BaseCamera.js';
import Camera from 'phaser-src/cameras/2d/Camera.js';
import CONST from 'phaser-src/const.js';
import CoreEvents from 'phaser-src/core/events/index.js';
import PhaserGame from 'phaser-src/core/Game.js';
import Container from 'phaser-src/gameobjects/container/Container.js';
import GameObject from 'phaser-src/gameobjects/GameObject.js';
import 'phaser-src/gameobjects/container/ContainerFactory.js';
import Graphics from 'phaser-src/gameobjects/graphics/Graphics.js';
import 'phaser-src/gameobjects/graphics/GraphicsCreator.js';
import 'phaser-src/gameobjects/graphics/GraphicsFactory.js';
import Image from 'phaser-src/gameobjects/image/Image.js';
import 'phaser-src/gameobjects/image/ImageFactory.js';
import ParticleEmitter from 'phaser-src/gameobjects/particles/ParticleEmitter.js';
import 'phaser-src/gameobjects/particles/ParticleEmitterFactory.js';
import Rectangle from 'phaser-src/gameobjects/shape/rectangle/Rectangle.js';
import 'phaser-src/gameobjects/shape/rectangle/RectangleFactory.js';
import Text from 'phaser-src/gameobjects/text/Text.js';
import 'phaser-src/gameobjects/text/TextFactory.js';
import Vector2 from 'phaser-src/math/Vector2.js';
import RendererEvents from 'phaser-src/renderer/events/index.js';
import WebGLRenderer from 'phaser-src/renderer/webgl/WebGLRenderer.js';
import ScaleModule from 'phaser-src/scale/index.js';
import SceneEvents from 'phaser-src/scene/events/index.js';
import PhaserScene from 'phaser-src/scene/Scene.js';
import CanvasTexture from 'phaser-src/textures/CanvasTexture.js';
import TimerEvent from 'phaser-src/time/TimerEvent.js';

export const WEBGL: number = CONST.WEBGL;
export const CANVAS: number = CONST.CANVAS;
export const AUTO: number = CONST.AUTO;
export const Game = PhaserGame;
export const Scene = PhaserScene;
export const Scale = ScaleModule;
export const Core = { Events: CoreEvents };
export const Scenes = { Events: SceneEvents };
export const Cameras = { Scene2D: { BaseCamera, Camera } };
export const GameObjects = { GameObject, Container, Graphics, Image, Rectangle, Text, Particles: { ParticleEmitter } };
export const Renderer = { Events: RendererEvents, WebGL: { WebGLRenderer } };
// Exported under Phaser's name without shadowing the global Math in this module.
const PhaserMath = { Vector2 };

export { PhaserMath as Math };
export const Textures = { CanvasTexture };
export const Time = { TimerEvent };
