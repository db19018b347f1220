/** The phone's size, shared by the chat and its loading placeholder so nothing jumps when it loads. */
export const PHONE_FRAME_SIZE = 'h-[min(760px,calc(100dvh-15.5rem))] min-h-[560px] w-full max-w-[390px]';
